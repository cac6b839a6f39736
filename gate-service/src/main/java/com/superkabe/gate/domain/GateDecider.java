package com.superkabe.gate.domain;

import com.superkabe.events.gate.CheckOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The execution gate's checks, in the seed's order, stopping at the first failure. This skeleton
 * evaluates campaign existence, activity and mailbox assignment; domain health and risk need the
 * protection layer's view and are reported as N/A until it exists.
 */
public final class GateDecider {

    static final String CAMPAIGN_EXISTS = "campaign_exists";
    static final String CAMPAIGN_ACTIVE = "campaign_active";
    static final String MAILBOX_AVAILABLE = "mailbox_available";
    static final String DOMAIN_HEALTHY = "domain_healthy";
    static final String RISK_ACCEPTABLE = "risk_acceptable";
    private static final List<String> ORDER = List.of(CAMPAIGN_EXISTS, CAMPAIGN_ACTIVE, MAILBOX_AVAILABLE,
            DOMAIN_HEALTHY, RISK_ACCEPTABLE);

    private GateDecider() {
    }

    /** Decides for a lead of {@code orgId} targeting {@code campaignId}, given the gate's view of it. */
    public static GateDecision decide(String orgId, String campaignId, Optional<CampaignView> view) {
        List<CheckOutcome> checks = new ArrayList<>();
        Optional<CampaignView> campaign = view.filter(c -> c.orgId().equals(orgId));
        if (campaign.isEmpty()) {
            return blocked(checks, CAMPAIGN_EXISTS, "campaign " + campaignId + " is not configured",
                    FailureClass.SYNC_ISSUE, "Campaign " + campaignId + " is not configured; lead held until it is");
        }
        checks.add(new CheckOutcome(CAMPAIGN_EXISTS, "YES", "campaign " + campaignId + " is configured"));
        CampaignView c = campaign.get();
        if (!c.active()) {
            return blocked(checks, CAMPAIGN_ACTIVE, "campaign is " + c.status(), FailureClass.SYNC_ISSUE,
                    "Campaign " + campaignId + " is " + c.status() + "; lead held until it is ACTIVE");
        }
        checks.add(new CheckOutcome(CAMPAIGN_ACTIVE, "YES", "campaign is ACTIVE"));
        if (c.mailboxIds().isEmpty()) {
            return blocked(checks, MAILBOX_AVAILABLE, "no mailboxes assigned", FailureClass.SYNC_ISSUE,
                    "Campaign " + campaignId + " has no mailboxes; lead held until one is assigned");
        }
        checks.add(new CheckOutcome(MAILBOX_AVAILABLE, "YES", c.mailboxIds().size() + " mailbox(es) assigned"));
        checks.add(new CheckOutcome(DOMAIN_HEALTHY, "N/A", "no protection view yet"));
        checks.add(new CheckOutcome(RISK_ACCEPTABLE, "N/A", "no protection view yet"));
        return new GateDecision.Allowed(checks);
    }

    private static GateDecision blocked(List<CheckOutcome> checks, String failed, String detail, FailureClass fc,
                                        String reason) {
        checks.add(new CheckOutcome(failed, "NO", detail));
        for (String later : ORDER.subList(ORDER.indexOf(failed) + 1, ORDER.size())) {
            checks.add(new CheckOutcome(later, "N/A", "not evaluated after " + failed + " failed"));
        }
        return new GateDecision.Blocked(fc, reason, checks);
    }
}
