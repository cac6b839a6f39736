package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.LeadStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port: the org-wide Lead table. */
public interface Leads {

    record Lead(String leadId, String orgId, String email, String firstName, String lastName, String company,
                String title, String campaignId, String health, int score, String status, String channel,
                Integer leadScore, String statusReason, boolean replied, String sourceEventId) {
    }

    /** What a later submission of an already-stored lead needs to know about it. */
    record Stored(LeadStatus status, String health, int score, String sourceEventId, Lead lead) {
    }

    /** Stores the leads not yet known (by org + address); returns the ids actually inserted. */
    Set<String> insertAll(List<Lead> leads);

    /** The status of each of these leads that exists. */
    Map<String, LeadStatus> statuses(Collection<String> leadIds);

    /** Each of these leads that exists, with what a resubmission is judged against. */
    Map<String, Stored> stored(Collection<String> leadIds);

    Optional<Lead> find(String orgId, String leadId);

    /** Sets the status (and reason) if the lead exists; the caller has applied the transition rules. */
    void updateStatus(String leadId, LeadStatus status, String reason);

    void markReplied(String leadId);

    /** Remembers which lead a sequencer run belongs to (run events carry only the run id). */
    void rememberRun(String runId, String leadId);

    Optional<String> leadOfRun(String runId);
}
