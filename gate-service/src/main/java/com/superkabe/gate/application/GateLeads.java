package com.superkabe.gate.application;

import com.superkabe.events.gate.LeadSnapshot;
import java.util.List;
import java.util.Optional;

/** Port: leads in the gate, with their gate state (HELD, PAUSED, RETRYING, ACTIVE). */
public interface GateLeads {

    enum Status { HELD, PAUSED, RETRYING, ACTIVE }

    record GateLead(String orgId, String campaignId, LeadSnapshot lead, Status status, int attempts) {
    }

    /** A lead to admit: the batch form's element. */
    record Admission(String orgId, String campaignId, LeadSnapshot lead) {
        public String key() {
            return lead.leadId() + "|" + campaignId;
        }
    }

    /** Adds the leads as HELD in one statement; returns the keys of those new to the gate (not seen before). */
    java.util.Set<String> admitAll(List<Admission> admissions);

    Optional<GateLead> find(String leadId, String campaignId);

    List<GateLead> inCampaign(String campaignId, Status status);

    List<GateLead> ofLead(String orgId, String leadId, Status status);

    /** RETRYING leads whose next attempt is due at {@code tick}, oldest first. */
    List<GateLead> dueRetries(long tick, int limit);

    void update(String leadId, String campaignId, Status status, int attempts, Long nextTick);
}
