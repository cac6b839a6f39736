package com.superkabe.sequencer.domain;

/**
 * The states of a CampaignLead run (seed 003's execution model). ACTIVE: a step is due or in
 * flight; WAITING: the next step waits for its due tick. The last five are terminal: UNSUBSCRIBED
 * and BOUNCED are a suppressed recipient, in this run or in another run of the organization.
 */
public enum RunStatus {
    ACTIVE, WAITING, PAUSED, COMPLETED, REPLIED, FAILED, UNSUBSCRIBED, BOUNCED;

    public boolean terminal() {
        return this == COMPLETED || this == REPLIED || this == FAILED || this == UNSUBSCRIBED || this == BOUNCED;
    }
}
