package com.superkabe.events.campaign;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * An organization's retry policy for transiently failed sends (ADR 0019): the first wait, the longest
 * wait and the give-up horizon, in ticks, and the jitter in percent of each wait. Set through the
 * sequencer's API, published on the campaigns topic and read back by its ordered input queue, so every
 * retry decided after it — and its replay — uses it. {@code actor} names the caller.
 */
public record SendRetrySettingsChanged(String orgId, long baseTicks, long maxTicks, long giveUpTicks,
                                       int jitterPercent, String actor) implements SuperkabeEvent {
    public SendRetrySettingsChanged {
        Require.text(orgId, "orgId");
        Require.text(actor, "actor");
        if (baseTicks < 1 || maxTicks < baseTicks || giveUpTicks < maxTicks || jitterPercent < 0
                || jitterPercent > 100) {
            throw new IllegalArgumentException("retry settings need 1 <= baseTicks <= maxTicks <= giveUpTicks and "
                    + "jitterPercent in 0..100");
        }
    }

    @Override
    public String subject() {
        return orgId;
    }

    @Override
    public String partitionKey() {
        return orgId;
    }
}
