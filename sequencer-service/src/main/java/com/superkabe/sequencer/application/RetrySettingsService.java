package com.superkabe.sequencer.application;

import com.superkabe.events.campaign.SendRetrySettingsChanged;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.sequencer.domain.RetryPolicy;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes an organization's new retry policy on the campaigns topic; the ordered input reads it back
 * before it applies, so a replay applies it at the same point.
 */
public class RetrySettingsService {

    private final EventSink events;
    private final Envelopes envelopes;
    private final AtomicLong sequence = new AtomicLong();

    public RetrySettingsService(EventSink events, Envelopes envelopes) {
        this.events = events;
        this.envelopes = envelopes;
    }

    public void change(String orgId, RetryPolicy policy, String actor) {
        // an operator's change is an origin fact: its id only has to be unique
        String origin = "settings/" + orgId + "/send-retries/" + System.nanoTime() + "/" + sequence.incrementAndGet();
        events.publish(envelopes.origin(origin, -1, new SendRetrySettingsChanged(orgId, policy.baseTicks(),
                policy.maxTicks(), policy.giveUpTicks(), policy.jitterPercent(), actor)));
    }
}
