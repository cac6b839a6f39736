package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.RetryPolicy;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;

/**
 * The sending rules the deployment configures (ADR 0019): the retry policy for transient failures,
 * the YELLOW budget per mailbox, how many ticks make a day for routing's 30-day horizon, and the daily
 * budget per sending domain for consumer Gmail and for consumer Outlook recipients.
 * A replay must use the same settings as the run it checks.
 */
public record SendingSettings(RetryPolicy retry, DispatchPolicy.YellowBudget yellowBudget, long ticksPerDay,
                              int bulkSenderDailyBudget) {

    public static final SendingSettings DEFAULT = new SendingSettings(RetryPolicy.DEFAULT,
            DispatchPolicy.YellowBudget.DEFAULT, 1440, DispatchPolicy.DEFAULT_BULK_SENDER_BUDGET);

    public SendingSettings {
        if (retry == null || yellowBudget == null || ticksPerDay < 1 || bulkSenderDailyBudget < 0) {
            throw new IllegalArgumentException("retry policy, YELLOW budget, ticksPerDay >= 1 and a bulk-sender "
                    + "budget >= 0 are required");
        }
    }
}
