package com.superkabe.events.campaign;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * An operator asked, through the API, what to do with a paused run (ADR 0019): RESEND the current
 * step, DROP it (count it as done) or STOP the run. Published on the campaigns topic and read back
 * by the sequencer's ordered input queue, so the decision is an input that replay sees at the same
 * point. {@code actor} names the caller (an API-key fingerprint), {@code reason} is required.
 */
public record RunResolveRequested(String orgId, String campaignId, String runId, String action, String actor,
                                  String reason) implements SuperkabeEvent {
    public RunResolveRequested {
        Require.text(orgId, "orgId");
        Require.text(campaignId, "campaignId");
        Require.text(runId, "runId");
        Require.text(action, "action");
        Require.text(actor, "actor");
        Require.text(reason, "reason");
    }

    @Override
    public String subject() {
        return runId;
    }

    @Override
    public String partitionKey() {
        return campaignId;
    }
}
