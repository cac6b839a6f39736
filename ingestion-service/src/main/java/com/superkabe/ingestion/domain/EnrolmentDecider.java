package com.superkabe.ingestion.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a request to enrol existing leads into a campaign, from facts the shell read: the campaign
 * as ingestion knows it and each named lead. The campaign must be the caller's (else it is not
 * found — another organization's campaign is never revealed) and ACTIVE (else the request is
 * refused naming its status). Each lead, in request order: not the caller's or unknown → NOT_FOUND
 * (existence is never revealed); suppressed organization-wide → SUPPRESSED; already enrolled there,
 * or named twice → ALREADY_ENROLLED; otherwise ENROLLED.
 */
public final class EnrolmentDecider {

    /** What became of one named lead. */
    public enum Result { ENROLLED, ALREADY_ENROLLED, NOT_FOUND, SUPPRESSED }

    /** What the shell knows about a named lead: its organization, status and whether it is enrolled there. */
    public record LeadFacts(String orgId, LeadStatus status, boolean enrolled) {
    }

    public record Outcome(String leadId, Result result) {
    }

    /** The decision: refused as a whole, or one outcome per named lead. */
    public sealed interface Decision {
        record CampaignNotFound(String campaignId) implements Decision {
        }

        record CampaignNotActive(String campaignId, String status) implements Decision {
        }

        record Decided(List<Outcome> outcomes) implements Decision {
            public Decided {
                outcomes = List.copyOf(outcomes);
            }

            public List<String> enrolled() {
                return outcomes.stream().filter(o -> o.result() == Result.ENROLLED).map(Outcome::leadId).toList();
            }
        }
    }

    private EnrolmentDecider() {
    }

    public static Decision decide(String orgId, String campaignId, KnownCampaign campaign, List<String> leadIds,
                                  Map<String, LeadFacts> leads) {
        if (campaign == null || !campaign.orgId().equals(orgId)) {
            return new Decision.CampaignNotFound(campaignId);
        }
        if (!campaign.active()) {
            return new Decision.CampaignNotActive(campaignId, campaign.status());
        }
        Set<String> seen = new HashSet<>();
        List<Outcome> outcomes = new ArrayList<>(leadIds.size());
        for (String leadId : leadIds) {
            LeadFacts lead = leads.get(leadId);
            Result result = lead == null || !lead.orgId().equals(orgId) ? Result.NOT_FOUND
                    : lead.status().suppressed() ? Result.SUPPRESSED
                    : lead.enrolled() || !seen.add(leadId) ? Result.ALREADY_ENROLLED
                    : Result.ENROLLED;
            outcomes.add(new Outcome(leadId, result));
        }
        return new Decision.Decided(outcomes);
    }
}
