package com.superkabe.gate.domain;

import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.gate.LeadGateChecked;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One gate decision as a pure function of its recorded answers (ADR 0047): the view rebuilt from a
 * {@link LeadGateChecked}, the five checks ({@link GateDecider}), then mode, state and retry
 * ({@link LeadGateDecider}), and the decision event that announces it. The gate decides through here
 * from the record it publishes; a replay of {@code superkabe.gate-checks} decides through here again.
 */
public final class CheckedDecider {

    /** The decision: what happens to the lead, and the event that announces it. */
    public record Decided(LeadOutcome outcome, SuperkabeEvent event) {
    }

    private CheckedDecider() {
    }

    /** Decides with the attempts the record carries (the gate's stored count). */
    public static Decided decide(LeadGateChecked checked) {
        return decide(checked, checked.attempts());
    }

    /** Decides with {@code attempts} failed INFRA_ISSUE attempts so far (a replay's own count). */
    public static Decided decide(LeadGateChecked checked, int attempts) {
        GateView view = view(checked);
        Mode mode = Mode.valueOf(checked.mode());
        LeadGateChecked.Settings s = checked.settings();
        RetryPolicy retry = new RetryPolicy(s.retryBaseTicks(), s.retryMaxDelayTicks(), s.retryMaxAttempts());
        GateDecision decision = GateDecider.decide(checked.orgId(), checked.campaignId(), view);
        LeadOutcome outcome = LeadGateDecider.decide(checked.lead().leadId(), decision, mode, attempts, retry,
                checked.tick());
        return new Decided(outcome, event(checked, mode, outcome));
    }

    /** The gate's view as the record holds it. */
    static GateView view(LeadGateChecked c) {
        Optional<CampaignView> campaign = Optional.ofNullable(c.campaign())
                .map(v -> new CampaignView(c.orgId(), c.campaignId(), v.status(), v.mailboxIds()));
        Map<String, MailboxHealth> mailboxes = new HashMap<>();
        for (LeadGateChecked.Mailbox m : c.mailboxes()) {
            mailboxes.put(m.mailboxId(), new MailboxHealth(m.mailboxId(), m.domain(), m.state(), m.trigger(),
                    new RiskScore.Inputs(m.outcomes(), m.hardBounces(), m.failures(), m.sendsLastHour(),
                            m.dailyLimit(), m.domainWarnings())));
        }
        Map<String, String> domains = new HashMap<>();
        c.domains().forEach(d -> domains.put(d.domain(), d.state()));
        return new GateView(campaign, mailboxes, domains, Mode.valueOf(c.mode()), c.protectionLagTicks(),
                c.settings().staleAfterTicks());
    }

    /** The record of a view: what the gate publishes before deciding from it. */
    public static LeadGateChecked record(String orgId, String campaignId, com.superkabe.events.gate.LeadSnapshot lead,
                                         String trigger, long tick, int attempts, GateView view, RetryPolicy retry) {
        // another organization's campaign is recorded as absent: the decision treats it so, and its
        // status and mailboxes are not this organization's to see
        LeadGateChecked.Campaign campaign = view.campaign().filter(v -> v.orgId().equals(orgId))
                .map(v -> new LeadGateChecked.Campaign(v.status(), v.mailboxIds())).orElse(null);
        List<LeadGateChecked.Mailbox> mailboxes = campaign == null ? List.of() : view.campaignMailboxes().stream()
                .map(m -> new LeadGateChecked.Mailbox(m.mailboxId(), m.domain(), m.state(), m.trigger(),
                        m.risk().outcomes(), m.risk().hardBounces(), m.risk().failures(), m.risk().sendsLastHour(),
                        m.risk().dailyLimit(), m.risk().domainWarnings())).toList();
        List<LeadGateChecked.Domain> domains = campaign == null ? List.of() : view.domainStates().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new LeadGateChecked.Domain(e.getKey(), e.getValue())).toList();
        return new LeadGateChecked(orgId, campaignId, lead, trigger, tick, attempts, view.mode().name(), campaign,
                mailboxes, domains, view.protectionLagTicks(), new LeadGateChecked.Settings(view.staleAfterTicks(),
                retry.baseTicks(), retry.maxDelayTicks(), retry.maxAttempts()));
    }

    private static SuperkabeEvent event(LeadGateChecked c, Mode mode, LeadOutcome outcome) {
        return switch (outcome) {
            case LeadOutcome.Allow a -> new LeadGateAllowed(c.orgId(), c.campaignId(), c.lead(), mode.name(), a.checks(),
                    a.observed() == null ? null : a.observed().failureClass().name(), a.reason(), a.warnings());
            case LeadOutcome.Block b -> new LeadGateBlocked(c.orgId(), c.campaignId(), c.lead().leadId(),
                    b.failureClass().name(), b.reason(), b.failureClass().retryable(), b.failureClass().deferrable(),
                    mode.name(), b.checks());
        };
    }
}
