package com.superkabe.gate.application;

import com.superkabe.gate.domain.CampaignView;
import java.util.Optional;

/** Port: the gate's view of campaigns. */
public interface CampaignViews {

    /**
     * Exclusive until the current transaction ends: taken by everything that changes a campaign's
     * configuration (its view, its mailboxes) and then re-decides its held leads. Without it a lead
     * held concurrently with its campaign's arrival would never be re-evaluated (a lost wake-up).
     */
    void lock(String campaignId);

    /** {@link #lock} for many campaigns at once, always in the same (sorted) order. */
    void lockAll(java.util.Collection<String> campaignIds);

    /**
     * Shared until the current transaction ends, for admitting new leads: admissions of the same
     * campaign run side by side, but never while a {@link #lock} holder changes its configuration,
     * so either the admission sees the change or the change sees the admitted (held) lead.
     */
    void lockShared(java.util.Collection<String> campaignIds);

    Optional<CampaignView> find(String campaignId);

    /** Reads ahead, in one statement, the campaigns a batch of leads will {@link #find}. */
    void prefetch(java.util.Collection<String> campaignIds);

    void save(CampaignView view);
}
