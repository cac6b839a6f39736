package com.superkabe.sequencer.domain;

/**
 * The states of a CampaignLead run (seed 003's execution model). ACTIVE: a step is due or in
 * flight; WAITING: the next step waits for its due tick. The last four are terminal.
 */
public enum RunStatus {
    ACTIVE, WAITING, PAUSED, COMPLETED, REPLIED, FAILED;

    public boolean terminal() {
        return this == COMPLETED || this == REPLIED || this == FAILED;
    }
}
