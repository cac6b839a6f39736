package com.superkabe.gate.application;

import com.superkabe.gate.domain.CampaignView;
import java.util.Optional;

/** Port: the gate's view of campaigns. */
public interface CampaignViews {

    /**
     * Serialises, until the current transaction ends, everything that reads or changes one
     * campaign's view or held leads: without it a lead held concurrently with its campaign's
     * arrival would never be re-evaluated.
     */
    void lock(String campaignId);

    /** {@link #lock} for many campaigns at once, always in the same (sorted) order. */
    void lockAll(java.util.Collection<String> campaignIds);

    Optional<CampaignView> find(String campaignId);

    void save(CampaignView view);
}
