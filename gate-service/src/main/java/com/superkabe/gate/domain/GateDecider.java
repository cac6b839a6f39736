package com.superkabe.gate.domain;

import com.superkabe.events.gate.CheckOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The execution gate's five checks, in the seed's order, stopping at the first failure (later
 * checks are N/A). The view's organization must own the campaign: another tenant's campaign does
 * not exist. A protection view older than its bound makes the mailbox check UNKNOWN: INFRA_ISSUE.
 */
public final class GateDecider {

    public static final String CAMPAIGN_EXISTS = "campaign_exists";
    public static final String CAMPAIGN_ACTIVE = "campaign_active";
    public static final String MAILBOX_AVAILABLE = "mailbox_available";
    public static final String DOMAIN_HEALTHY = "domain_healthy";
    public static final String RISK_ACCEPTABLE = "risk_acceptable";
    public static final List<String> ORDER = List.of(CAMPAIGN_EXISTS, CAMPAIGN_ACTIVE, MAILBOX_AVAILABLE,
            DOMAIN_HEALTHY, RISK_ACCEPTABLE);

    private GateDecider() {
    }

    public static GateDecision decide(String orgId, String campaignId, GateView view) {
        List<CheckOutcome> checks = new ArrayList<>();
        CampaignView c = view.campaign().filter(x -> x.orgId().equals(orgId)).orElse(null);
        if (c == null) {
            return blocked(checks, CAMPAIGN_EXISTS, "NO", "campaign " + campaignId + " is not configured",
                    FailureClass.SYNC_ISSUE, "Campaign " + campaignId + " is not configured; lead held until it is.");
        }
        checks.add(yes(CAMPAIGN_EXISTS, "campaign " + c.campaignId() + " is configured"));
        if (!c.active()) {
            return blocked(checks, CAMPAIGN_ACTIVE, "NO", "campaign is " + c.status(), FailureClass.SYNC_ISSUE,
                    "Campaign " + campaignId + " is " + c.status() + "; lead held until it is ACTIVE.");
        }
        checks.add(yes(CAMPAIGN_ACTIVE, "campaign is ACTIVE"));
        if (view.protectionLagTicks() > view.staleAfterTicks()) {
            return blocked(checks, MAILBOX_AVAILABLE, "UNKNOWN", "mailbox health view is "
                    + view.protectionLagTicks() + " ticks old (bound " + view.staleAfterTicks() + ")",
                    FailureClass.INFRA_ISSUE, "The gate's view of mailbox health is stale; retrying.");
        }
        List<MailboxHealth> known = view.campaignMailboxes();
        if (known.isEmpty()) {
            return blocked(checks, MAILBOX_AVAILABLE, "NO", "none of the campaign's " + c.mailboxIds().size()
                    + " mailbox(es) is known to the gate yet", FailureClass.SYNC_ISSUE,
                    "No mailbox of campaign " + campaignId + " is known yet; lead held until one is.");
        }
        List<MailboxHealth> usable = known.stream().filter(MailboxHealth::usable).toList();
        if (usable.isEmpty()) {
            return blocked(checks, MAILBOX_AVAILABLE, "NO", describeUnusable(known), FailureClass.HEALTH_ISSUE,
                    "No healthy mailboxes available. " + reasonUnusable(known) + ".");
        }
        checks.add(yes(MAILBOX_AVAILABLE, describeUsable(usable)));
        List<MailboxHealth> eligible = usable.stream()
                .filter(m -> !"paused".equals(view.domainState(m.domain()))).toList();
        if (eligible.isEmpty()) {
            String domains = usable.stream().map(MailboxHealth::domain).distinct().sorted()
                    .collect(Collectors.joining(", "));
            return blocked(checks, DOMAIN_HEALTHY, "NO", "domain " + domains + " paused", FailureClass.HEALTH_ISSUE,
                    "Every usable mailbox is on a paused domain (" + domains + ").");
        }
        checks.add(yes(DOMAIN_HEALTHY, describeDomains(eligible, view)));
        return riskCheck(checks, eligible);
    }

    private static GateDecision riskCheck(List<CheckOutcome> checks, List<MailboxHealth> eligible) {
        double hard = eligible.stream().mapToDouble(m -> RiskScore.of(m.risk()).hard()).average().orElse(0);
        double soft = eligible.stream().mapToDouble(m -> RiskScore.of(m.risk()).soft()).average().orElse(0);
        String detail = "avgHardScore: " + number(hard) + ", threshold: " + number(RiskScore.HARD_BLOCK);
        if (hard >= RiskScore.HARD_BLOCK) {
            return blocked(checks, RISK_ACCEPTABLE, "NO", detail, FailureClass.HEALTH_ISSUE,
                    "Hard risk score " + number(hard) + " is at or above the threshold " + number(RiskScore.HARD_BLOCK) + ".");
        }
        checks.add(yes(RISK_ACCEPTABLE, detail));
        List<String> warnings = new ArrayList<>();
        if (hard >= RiskScore.HARD_WARN) {
            warnings.add("HARD_RISK_WARNING: avgHardScore " + number(hard) + " >= " + number(RiskScore.HARD_WARN));
        }
        if (soft >= RiskScore.SOFT_WARN) {
            warnings.add("SOFT_WARNING: avgSoftScore " + number(soft) + " >= " + number(RiskScore.SOFT_WARN)
                    + " (high velocity, no bounce problem)");
        }
        return new GateDecision.Allowed(checks, warnings);
    }

    private static String describeUsable(List<MailboxHealth> usable) {
        Map<String, Long> byState = countBy(usable, MailboxHealth::state);
        if (byState.size() == 1) {
            return usable.size() + " " + byState.keySet().iterator().next() + " mailbox"
                    + (usable.size() == 1 ? "" : "es") + " found";
        }
        return usable.size() + " usable mailboxes found (" + counts(byState) + ")";
    }

    private static String describeUnusable(List<MailboxHealth> known) {
        Map<String, Long> byState = countBy(known, MailboxHealth::state);
        if (known.size() == 1) {
            return "the campaign's only mailbox is " + known.getFirst().state();
        }
        return byState.size() == 1 ? "all " + known.size() + " mailboxes " + byState.keySet().iterator().next()
                : "none of " + known.size() + " mailboxes usable: " + counts(byState);
    }

    private static String reasonUnusable(List<MailboxHealth> known) {
        Map<String, Long> byState = countBy(known, MailboxHealth::state);
        Map<String, Long> byTrigger = countBy(known, m -> m.trigger() == null ? "" : m.trigger());
        String base = counts(byState);
        if (byTrigger.size() == 1 && !byTrigger.containsKey("")) {
            return base + " due to " + byTrigger.keySet().iterator().next().replace('_', ' ');
        }
        return base;
    }

    private static String describeDomains(List<MailboxHealth> eligible, GateView view) {
        Map<String, Long> byState = countBy(eligible.stream().map(MailboxHealth::domain).distinct().toList(),
                d -> "healthy".equals(view.domainState(d)) ? "active" : view.domainState(d));
        long domains = byState.values().stream().mapToLong(Long::longValue).sum();
        return byState.entrySet().stream().map(e -> (domains == 1 ? "domain" : e.getValue() + " domain(s)")
                + " in '" + e.getKey() + "' state").collect(Collectors.joining(", "));
    }

    private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static String counts(Map<String, Long> byState) {
        return byState.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static CheckOutcome yes(String check, String detail) {
        return new CheckOutcome(check, "YES", detail);
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static GateDecision blocked(List<CheckOutcome> checks, String failed, String result, String detail,
                                        FailureClass fc, String reason) {
        checks.add(new CheckOutcome(failed, result, detail));
        for (String later : ORDER.subList(ORDER.indexOf(failed) + 1, ORDER.size())) {
            checks.add(new CheckOutcome(later, "N/A", "not evaluated after " + failed + " failed"));
        }
        return new GateDecision.Blocked(fc, reason, checks);
    }
}
