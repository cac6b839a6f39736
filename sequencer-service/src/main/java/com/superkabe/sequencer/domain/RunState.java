package com.superkabe.sequencer.domain;

import com.superkabe.events.gate.LeadSnapshot;

/** Everything a run's decisions depend on. {@code inFlight}: the current step's send awaits its outcome. */
public record RunState(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId,
                       int stepCount, int currentStep, long dueTick, RunStatus status, boolean inFlight) {

    public RunState withStatus(RunStatus next) {
        return new RunState(orgId, runId, campaignId, lead, mailboxId, stepCount, currentStep, dueTick, next, inFlight);
    }
}
