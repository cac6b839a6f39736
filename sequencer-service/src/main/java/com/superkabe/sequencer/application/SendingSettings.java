package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.RetryPolicy;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;

/**
 * The sending rules the deployment configures (ADR 0019): the retry policy for transient failures,
 * the YELLOW budget per mailbox, how many ticks make a day for routing's 30-day horizon, and the daily
 * budget per sending domain for consumer Gmail and for consumer Outlook recipients, and how long a
 * throttled (mailbox, ESP) pair goes without a deferral before its rate doubles back.
 * A replay must use the same settings as the run it checks.
 */
public record SendingSettings(RetryPolicy retry, DispatchPolicy.YellowBudget yellowBudget, long ticksPerDay,
                              int bulkSenderDailyBudget, long espThrottleRecoveryTicks) {

    /** A throttled mailbox's rate to an ESP doubles back after an hour of 60-second ticks without a deferral. */
    public static final long DEFAULT_ESP_THROTTLE_RECOVERY_TICKS = 60;
    public static final SendingSettings DEFAULT = new SendingSettings(RetryPolicy.DEFAULT,
            DispatchPolicy.YellowBudget.DEFAULT, 1440, DispatchPolicy.DEFAULT_BULK_SENDER_BUDGET,
            DEFAULT_ESP_THROTTLE_RECOVERY_TICKS);

    public SendingSettings(RetryPolicy retry, DispatchPolicy.YellowBudget yellowBudget, long ticksPerDay,
                           int bulkSenderDailyBudget) {
        this(retry, yellowBudget, ticksPerDay, bulkSenderDailyBudget, DEFAULT_ESP_THROTTLE_RECOVERY_TICKS);
    }

    /**
     * The settings one of {@code shards} shards decides with (ADR 0065): a sending domain's bulk-sender
     * budget is split into equal shares, each shard counting only its own sends, so the shares never add up
     * to more than the budget and each shard's replay sees exactly what it counted. One shard: unchanged.
     */
    public SendingSettings forShards(int shards) {
        if (shards <= 1) {
            return this;
        }
        return new SendingSettings(retry, yellowBudget, ticksPerDay, bulkSenderDailyBudget / shards,
                espThrottleRecoveryTicks);
    }

    public SendingSettings {
        if (retry == null || yellowBudget == null || ticksPerDay < 1 || bulkSenderDailyBudget < 0
                || espThrottleRecoveryTicks < 1) {
            throw new IllegalArgumentException("retry policy, YELLOW budget, ticksPerDay >= 1 and a bulk-sender "
                    + "budget >= 0 are required");
        }
    }
}
