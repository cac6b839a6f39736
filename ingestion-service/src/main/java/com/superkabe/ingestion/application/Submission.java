package com.superkabe.ingestion.application;

import com.superkabe.events.lead.LeadRejected;
import java.util.List;

/** What became of one submitted lead, as reported to the submitter. */
public sealed interface Submission {

    record Accepted(String leadId, String health, int score, List<LeadRejected.Reason> warnings) implements Submission {
    }

    record Duplicate(String leadId) implements Submission {
    }

    /** The address is a lead already; the submission named a campaign it was not in, and it is enrolled there. */
    record Enrolled(String leadId, String campaignId) implements Submission {
    }

    record Rejected(List<LeadRejected.Reason> reasons) implements Submission {
    }
}
