package com.superkabe.sequencer.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: campaign configuration. */
public interface Campaigns {

    /** Drops what this replica cached: another replica may have changed statuses while it stood by (ADR 0052). */
    default void forgetCached() {
    }

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

    /** Stores the next version of the campaign's steps (immutable once written); returns its number. */
    int addVersion(String campaignId, List<com.superkabe.sequencer.domain.StepTemplate> steps);

    /** New runs start with {@code version}; called only from the ordered input (CampaignVersionPublished). */
    void setEnrolVersion(String campaignId, int version);

    /** The outcome of {@link #changeStatus}. */
    record StatusChange(String from, int version) {
    }
}
