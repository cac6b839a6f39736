package com.superkabe.ingestion.domain;

import com.superkabe.events.lead.LeadRejected;
import java.util.List;

/** The ingestion gate's verdict on one candidate. */
public sealed interface Verdict {

    /** Passed: {@code email} is the normalised address the lead is stored and deduplicated under. */
    record Accepted(String email, String health, int score) implements Verdict {
    }

    record Rejected(List<LeadRejected.Reason> reasons) implements Verdict {
        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }
}
