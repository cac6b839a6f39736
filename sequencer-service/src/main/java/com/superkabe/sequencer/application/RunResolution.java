package com.superkabe.sequencer.application;

import com.superkabe.events.campaign.RunResolveRequested;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.sequencer.domain.RunView;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes an operator's decision for a paused run on the campaigns topic; the sequencer's ordered
 * input reads it back and the run's decider applies it, so replay sees the decision as an input.
 */
public class RunResolution {

    private final EventSink events;
    private final Envelopes envelopes;
    private final AtomicLong sequence = new AtomicLong();

    public RunResolution(EventSink events, Envelopes envelopes) {
        this.events = events;
        this.envelopes = envelopes;
    }

    public void request(RunView run, String action, String actor, String reason) {
        // an operator's request is an origin fact: its id only has to be unique, not derivable
        String origin = "run/" + run.runId() + "/resolve/" + run.attempt() + "/" + System.nanoTime() + "/"
                + sequence.incrementAndGet();
        events.publish(envelopes.origin(origin, -1, new RunResolveRequested(run.orgId(), run.campaignId(), run.runId(),
                action.strip().toUpperCase(java.util.Locale.ROOT), actor, reason.strip())));
    }
}
