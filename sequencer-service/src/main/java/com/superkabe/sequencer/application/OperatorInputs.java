package com.superkabe.sequencer.application;

import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.campaign.RunResolveRequested;
import com.superkabe.events.campaign.SendRetrySettingsChanged;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.sequencer.domain.RetryPolicy;
import com.superkabe.sequencer.domain.RunView;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators decide through the API — a paused run's resolution, an organization's retry policy —
 * published on the campaigns topic and read back by the sequencer's ordered input (ADR 0019), so replay
 * sees each decision as an input at the point it was applied.
 */
public class OperatorInputs {

    private final EventSink events;
    private final Envelopes envelopes;
    private final AtomicLong sequence = new AtomicLong();

    public OperatorInputs(EventSink events, Envelopes envelopes) {
        this.events = events;
        this.envelopes = envelopes;
    }

    public void resolve(RunView run, String action, String actor, String reason) {
        publish("run/" + run.runId() + "/resolve/" + run.attempt(), new RunResolveRequested(run.orgId(),
                run.campaignId(), run.runId(), action.strip().toUpperCase(Locale.ROOT), actor, reason.strip()));
    }

    /** PAUSE or RESUME one run. */
    public void controlRun(RunView run, String action, String actor, String reason) {
        publish("run/" + run.runId() + "/" + action, new com.superkabe.events.campaign.RunControlRequested(run.orgId(),
                run.runId(), null, action, actor, reason.strip()));
    }

    /** PAUSE or RESUME every run of a lead. */
    public void controlLead(String orgId, String leadId, String action, String actor, String reason) {
        publish("lead/" + orgId + "/" + leadId + "/" + action, new com.superkabe.events.campaign.RunControlRequested(
                orgId, null, leadId, action, actor, reason.strip()));
    }

    public void changeRetryPolicy(String orgId, RetryPolicy policy, String actor) {
        publish("settings/" + orgId + "/send-retries", new SendRetrySettingsChanged(orgId, policy.baseTicks(),
                policy.maxTicks(), policy.giveUpTicks(), policy.jitterPercent(), actor));
    }

    /** An operator's request is an origin fact: its id only has to be unique, not derivable. */
    private void publish(String origin, SuperkabeEvent event) {
        events.publish(envelopes.origin(origin + "/" + System.nanoTime() + "/" + sequence.incrementAndGet(), -1,
                event));
    }
}
