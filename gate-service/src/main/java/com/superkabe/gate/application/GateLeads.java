package com.superkabe.gate.application;

import com.superkabe.events.gate.LeadSnapshot;
import java.util.List;
import java.util.Optional;

/** Port: leads in the gate, with their gate state (HELD, PAUSED, RETRYING, ACTIVE). */
public interface GateLeads {

    /** NEW: not yet in the gate (never stored; the lead being admitted). */
    enum Status { NEW, HELD, PAUSED, RETRYING, ACTIVE }

    record GateLead(String orgId, String campaignId, LeadSnapshot lead, Status status, int attempts) {
    }

    /** A lead to admit: the batch form's element. */
    record Admission(String orgId, String campaignId, LeadSnapshot lead) {
        public String key() {
            return lead.leadId() + "|" + campaignId;
        }
    }

    /** The keys of those admissions whose (lead, campaign) the gate already has, in one statement. */
    java.util.Set<String> known(List<Admission> admissions);

    /**
     * Stores a NEW lead with the state its first decision gave it. Buffered: all of a transaction's
     * admissions are inserted in one statement before commit, and if another transaction admitted
     * one of them meanwhile, the commit fails (and is retried), so a lead is decided once.
     */
    void admit(GateLead lead, Status status, int attempts, Long nextTick);

    Optional<GateLead> find(String leadId, String campaignId);

    List<GateLead> inCampaign(String campaignId, Status status);

    List<GateLead> ofLead(String orgId, String leadId, Status status);

    /** The states of the organization's lead in every campaign the gate has it in (empty: unknown). */
    java.util.Set<String> statesOfLead(String orgId, String leadId);

    /** RETRYING leads whose next attempt is due at {@code tick}, oldest first. */
    List<GateLead> dueRetries(long tick, int limit);

    void update(String leadId, String campaignId, Status status, int attempts, Long nextTick);
}
