package com.superkabe.gate.application;

import com.superkabe.events.gate.LeadSnapshot;
import java.util.List;

/** Port: leads held by a deferrable block, and leads already allowed (never decided twice). */
public interface HeldLeads {

    /** A lead waiting for its campaign's configuration. */
    record Held(String orgId, String campaignId, LeadSnapshot lead) {
    }

    void hold(Held held);

    /** Held leads of a campaign, in the order they were held. */
    List<Held> heldFor(String campaignId);

    void release(String leadId, String campaignId);

    /** Records that the lead was allowed into the campaign; false if it already was. */
    boolean markAllowed(String leadId, String campaignId);
}
