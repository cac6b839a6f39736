package com.superkabe.ingestion.domain;

import com.superkabe.events.lead.LeadRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage 1 of the two-stage protection: a lead that fails here is never stored as a valid lead.
 * This skeleton checks syntax and header-injection in names; list-based checks, MX and scoring
 * slot in as further checks producing reasons.
 */
public final class IngestionGate {

    private IngestionGate() {
    }

    public static Verdict judge(LeadCandidate lead) {
        List<LeadRejected.Reason> reasons = new ArrayList<>();
        String email = lead.email() == null ? null : lead.email().trim();
        EmailSyntax.diagnose(email)
                .ifPresent(d -> reasons.add(new LeadRejected.Reason("syntax", "email", "email " + d)));
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("firstName", lead.firstName());
        names.put("lastName", lead.lastName());
        names.put("company", lead.company());
        names.put("title", lead.title());
        names.forEach((field, value) -> {
            if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
                reasons.add(new LeadRejected.Reason("header_injection", field, field + " contains CR or LF"));
            }
        });
        if (!reasons.isEmpty()) {
            return new Verdict.Rejected(reasons);
        }
        return new Verdict.Accepted(EmailSyntax.normalise(email), "GREEN", 100);
    }
}
