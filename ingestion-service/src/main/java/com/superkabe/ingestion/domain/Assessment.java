package com.superkabe.ingestion.domain;

import com.superkabe.events.lead.LeadRejected;
import java.util.List;
import java.util.Map;

/**
 * Lead health for one address: the band (GREEN / YELLOW / RED), the score and every check by name
 * with the reason it gave. {@code email} is the normalised address when the syntax is valid.
 * {@code reasons} are the failed or unknown checks, the ones that lowered the score.
 */
public record Assessment(String email, String verdict, int score, Map<String, CheckResult> checks,
                         List<LeadRejected.Reason> reasons) {

    public Assessment {
        checks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks));
        reasons = List.copyOf(reasons);
    }

    public boolean rejected() {
        return "RED".equals(verdict);
    }
}
