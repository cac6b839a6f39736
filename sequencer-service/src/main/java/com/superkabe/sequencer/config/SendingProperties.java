package com.superkabe.sequencer.config;

import com.superkabe.sequencer.application.SendingSettings;
import com.superkabe.sequencer.domain.RetryPolicy;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code superkabe.sequencer.sending}: the retry policy for transient send failures (ticks: first
 * wait, longest wait, give-up horizon; jitter percent), the YELLOW budget per mailbox (at most
 * {@code yellowMax} YELLOW recipients in any {@code yellowWindow} consecutive sends) and the
 * seconds per tick Retry-After is converted with, and {@code bulkSenderDailyBudget} per sending domain for
 * consumer Gmail and for consumer Outlook recipients, and {@code espThrottleRecoveryTicks} (ADR 0019).
 * Absent values take the defaults: 15 → 240 ticks, give up after 4,320 (72 h at 60 s), 20 % jitter,
 * 2 per 60, 60 s, 4,500, 60 ticks.
 */
@ConfigurationProperties("superkabe.sequencer.sending")
public record SendingProperties(Long retryBaseTicks, Long retryMaxTicks, Long retryGiveUpTicks,
                                Integer retryJitterPercent, Integer yellowMax, Integer yellowWindow,
                                Integer secondsPerTick, Integer bulkSenderDailyBudget, Long espThrottleRecoveryTicks) {

    public SendingSettings settings() {
        RetryPolicy d = RetryPolicy.DEFAULT;
        int seconds = secondsPerTick == null ? d.secondsPerTick() : secondsPerTick;
        RetryPolicy retry = new RetryPolicy(or(retryBaseTicks, d.baseTicks()), or(retryMaxTicks, d.maxTicks()),
                or(retryGiveUpTicks, d.giveUpTicks()), retryJitterPercent == null ? d.jitterPercent()
                : retryJitterPercent, seconds);
        DispatchPolicy.YellowBudget y = DispatchPolicy.YellowBudget.DEFAULT;
        return new SendingSettings(retry, new DispatchPolicy.YellowBudget(yellowMax == null ? y.maxYellow() : yellowMax,
                yellowWindow == null ? y.window() : yellowWindow), Math.max(1, 86_400L / seconds),
                bulkSenderDailyBudget == null ? DispatchPolicy.DEFAULT_BULK_SENDER_BUDGET : bulkSenderDailyBudget,
                or(espThrottleRecoveryTicks, SendingSettings.DEFAULT_ESP_THROTTLE_RECOVERY_TICKS));
    }

    private static long or(Long value, long fallback) {
        return value == null ? fallback : value;
    }
}
