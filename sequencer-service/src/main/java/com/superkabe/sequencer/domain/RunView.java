package com.superkabe.sequencer.domain;

/** The queryable shape of a run: what the dispatcher selects on and the API shows. */
public record RunView(String runId, String orgId, String campaignId, String leadId, String email, String mailboxId,
                      RunStatus status, int currentStep, long dueTick, boolean inFlight) {

    /** The same projection for the database read model and for in-memory replay. */
    public static RunView project(RunState state) {
        return new RunView(state.runId(), state.orgId(), state.campaignId(), state.lead().leadId(), state.lead().email(),
                state.mailboxId(), state.status(), state.currentStep(), state.dueTick(), state.inFlight());
    }

    public boolean dispatchable(long tick) {
        return !status.terminal() && status != RunStatus.PAUSED && !inFlight && dueTick <= tick;
    }
}
