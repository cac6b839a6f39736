package com.superkabe.sequencer.domain;

/**
 * The states of a CampaignLead run (seed 003's execution model, ADR 0022). PENDING: enrolled, not
 * started; ACTIVE: a step is due or in flight; WAITING: the current step is a wait that has not
 * elapsed; PAUSED: stopped until an operator resumes or resolves it. The last five are terminal:
 * UNSUBSCRIBED and BOUNCED are a suppressed recipient, in this run or in another run of the
 * organization; a FAILED run may still be resolved (retry, skip) until an operator stops it.
 */
public enum RunStatus {
    PENDING, ACTIVE, WAITING, PAUSED, COMPLETED, REPLIED, FAILED, UNSUBSCRIBED, BOUNCED;

    public boolean terminal() {
        return this == COMPLETED || this == REPLIED || this == FAILED || this == UNSUBSCRIBED || this == BOUNCED;
    }
}
