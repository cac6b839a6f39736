package com.superkabe.ingestion.domain;

import com.superkabe.events.lead.LeadRejected;
import java.util.List;

/** The ingestion gate's verdict on one candidate. */
public sealed interface Verdict {

    /**
     * Passed: {@code email} is the normalised address the lead is stored and deduplicated under;
     * {@code warnings} are the checks that lowered a YELLOW lead's score.
     */
    record Accepted(String email, String health, int score, List<LeadRejected.Reason> warnings) implements Verdict {
        public Accepted {
            warnings = List.copyOf(warnings);
        }
    }

    record Rejected(List<LeadRejected.Reason> reasons) implements Verdict {
        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }
}
