package com.superkabe.ingestion.domain;

import com.superkabe.events.lead.LeadRejected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 1 of the two-stage protection: a lead that fails here is never stored as a valid lead.
 * Names must not carry CR/LF (header injection); the address is scored by {@link LeadHealth} and a
 * RED lead is rejected with the reasons that made it RED. Field lengths are the stored lead's, so a
 * lead that passes here is one the store can hold.
 */
public final class IngestionGate {

    /** The longest name, company or title a lead may carry. */
    public static final int MAX_NAME = 256;
    /** The longest campaign id. */
    public static final int MAX_CAMPAIGN_ID = 64;

    private IngestionGate() {
    }

    public static Verdict judge(LeadCandidate lead, DomainLists lists, QualityPolicy policy, MxCheck mx) {
        List<LeadRejected.Reason> reasons = new ArrayList<>(headerInjection(lead));
        if (lead.leadScore() != null && (lead.leadScore() < 0 || lead.leadScore() > 100)) {
            reasons.add(new LeadRejected.Reason("lead_score", "leadScore", "leadScore must be 0..100"));
        }
        Assessment health = LeadHealth.assess(lead.email(), lists, policy, mx);
        if (health.rejected()) {
            reasons.addAll(0, health.reasons());
        }
        if (!reasons.isEmpty()) {
            return new Verdict.Rejected(reasons);
        }
        return new Verdict.Accepted(health.email(), health.verdict(), health.score(), health.reasons());
    }

    private static List<LeadRejected.Reason> headerInjection(LeadCandidate lead) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("firstName", lead.firstName());
        names.put("lastName", lead.lastName());
        names.put("company", lead.company());
        names.put("title", lead.title());
        names.put("campaignId", lead.campaignId());
        List<LeadRejected.Reason> reasons = new ArrayList<>();
        names.forEach((field, value) -> {
            int max = field.equals("campaignId") ? MAX_CAMPAIGN_ID : MAX_NAME;
            if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
                reasons.add(new LeadRejected.Reason("header_injection", field, field + " contains CR or LF"));
            } else if (value != null && value.length() > max) {
                reasons.add(new LeadRejected.Reason("too_long", field,
                        field + " has " + value.length() + " characters; at most " + max + " are allowed"));
            }
        });
        return reasons;
    }
}
