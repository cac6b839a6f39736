package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.RetryPolicy;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;

/**
 * The sending rules the deployment configures (ADR 0019): the retry policy for transient failures,
 * the YELLOW budget per mailbox, and how many ticks make a day for routing's 30-day horizon.
 * A replay must use the same settings as the run it checks.
 */
public record SendingSettings(RetryPolicy retry, DispatchPolicy.YellowBudget yellowBudget, long ticksPerDay) {

    public static final SendingSettings DEFAULT = new SendingSettings(RetryPolicy.DEFAULT,
            DispatchPolicy.YellowBudget.DEFAULT, 1440);

    public SendingSettings {
        if (retry == null || yellowBudget == null || ticksPerDay < 1) {
            throw new IllegalArgumentException("retry policy, YELLOW budget and ticksPerDay >= 1 are required");
        }
    }
}
