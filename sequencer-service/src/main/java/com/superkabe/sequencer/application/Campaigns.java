package com.superkabe.sequencer.application;

import java.util.Optional;
import java.util.Set;

/** Port: campaign configuration. */
public interface Campaigns {

    void insert(CampaignDef campaign);

    Optional<CampaignDef> find(String campaignId);

    /**
     * Sets the campaign's status, locking its row; returns the previous status and the change's
     * number (1, 2, …), or empty when the campaign does not exist.
     */
    Optional<StatusChange> changeStatus(String campaignId, String status);

    /** Pauses or resumes dispatch; called only from the ordered input queue (CampaignStatusChanged). */
    void setDispatchPaused(String campaignId, boolean paused);

    /** Campaigns whose due runs are not dispatched (they stay due). */
    Set<String> dispatchPaused();

    /** The outcome of {@link #changeStatus}. */
    record StatusChange(String from, int version) {
    }
}
