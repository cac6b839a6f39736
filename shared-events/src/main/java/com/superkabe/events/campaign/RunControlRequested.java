package com.superkabe.events.campaign;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * An operator asked to PAUSE or RESUME a run ({@code runId}) or every run of a lead ({@code leadId},
 * with {@code runId} absent). Published on the campaigns topic and read back by the sequencer's ordered
 * input, so the action is an input that replay sees at the same point. {@code reason} is required.
 */
public record RunControlRequested(String orgId, String runId, String leadId, String action, String actor,
                                  String reason) implements SuperkabeEvent {
    public RunControlRequested {
        Require.text(orgId, "orgId");
        Require.text(action, "action");
        Require.text(actor, "actor");
        Require.text(reason, "reason");
        if ((runId == null || runId.isBlank()) == (leadId == null || leadId.isBlank())) {
            throw new IllegalArgumentException("exactly one of runId and leadId is required");
        }
    }

    @Override
    public String subject() {
        return runId != null ? runId : leadId;
    }

    @Override
    public String partitionKey() {
        return subject();
    }
}
