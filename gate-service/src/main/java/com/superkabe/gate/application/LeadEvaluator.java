package com.superkabe.gate.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.gate.LeadGateChecked;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.gate.domain.CampaignView;
import com.superkabe.gate.domain.CheckedDecider;
import com.superkabe.gate.domain.FailureClass;
import com.superkabe.gate.domain.GateDecision;
import com.superkabe.gate.domain.GateView;
import com.superkabe.gate.domain.LeadOutcome;
import com.superkabe.gate.domain.MailboxHealth;
import com.superkabe.gate.domain.Mode;
import com.superkabe.kit.outbox.EventSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the checks for one lead against the gate's current view, recorded first as the answers the
 * decision is made from, and lets the pure {@link CheckedDecider} decide what happens to it (mode,
 * next state, retry); then stores the lead's state, records the decision and publishes it.
 */
public class LeadEvaluator {

    private final CampaignViews campaigns;
    private final HealthViews health;
    private final GateLeads leads;
    private final Decisions decisions;
    private final EventSink events;
    private final GateSettings settings;

    public LeadEvaluator(CampaignViews campaigns, HealthViews health, GateLeads leads, Decisions decisions,
                         EventSink events, GateSettings settings) {
        this.campaigns = campaigns;
        this.health = health;
        this.leads = leads;
        this.decisions = decisions;
        this.events = events;
        this.settings = settings;
    }

    /**
     * Reads ahead what deciding these campaigns' leads needs, a few statements for the whole batch,
     * so that {@link #evaluate} finds it in the read caches instead of one query per campaign,
     * mailbox list and domain whenever a cache entry has expired.
     */
    public void prefetch(java.util.Collection<String> campaignIds) {
        campaigns.prefetch(campaignIds);
        Map<String, List<String>> mailboxesByOrg = new java.util.HashMap<>();
        for (String id : campaignIds) {
            campaigns.find(id).ifPresent(c -> mailboxesByOrg.computeIfAbsent(c.orgId(), o -> new java.util.ArrayList<>())
                    .addAll(c.mailboxIds()));
        }
        mailboxesByOrg.forEach(health::prefetch);
    }

    /**
     * Decides one lead: its view is first recorded as a {@link LeadGateChecked} on the gate's checks
     * topic, then decided from that record by the pure {@link CheckedDecider}, so the topic holds
     * everything the decision used, ahead of it (ADR 0047).
     */
    public void evaluate(Stamp cause, String trigger, int index, GateLeads.GateLead lead) {
        long tick = health.tick();
        GateView view = view(lead.orgId(), lead.campaignId(), tick);
        LeadGateChecked checked = CheckedDecider.record(lead.orgId(), lead.campaignId(), lead.lead(), trigger, tick,
                lead.attempts(), view, settings.retry());
        events.publish(cause.apply(lead.lead().leadId() + "/checks", index, tick, checked));
        CheckedDecider.Decided decided = CheckedDecider.decide(checked);
        moveTo(lead, decided.outcome());
        Envelope envelope = cause.apply(lead.lead().leadId(), index, tick, decided.event());
        decisions.record(decision(lead, tick, view.mode(), decided.outcome(), envelope.id()));
        events.publish(envelope);
    }

    private GateView view(String orgId, String campaignId, long tick) {
        Optional<CampaignView> campaign = campaigns.find(campaignId);
        List<String> mailboxIds = campaign.map(CampaignView::mailboxIds).orElse(List.of());
        Map<String, MailboxHealth> mailboxes = health.mailboxes(mailboxIds, tick);
        Map<String, String> domains = health.domainStates(orgId, mailboxes.values().stream().map(MailboxHealth::domain)
                .filter(java.util.Objects::nonNull).distinct().toList());
        // protection's heartbeat when it has one; before its first heartbeat, its latest event for the org
        Optional<Long> mark = health.watermark(GateService.SYSTEM).or(() -> health.watermark(orgId));
        long lag = mark.map(w -> Math.max(0, tick - w)).orElse(0L);
        Mode mode = health.mode(orgId).map(Mode::valueOf).orElse(settings.defaultMode());
        return new GateView(campaign, mailboxes, domains, mode, lag, settings.staleAfterTicks());
    }

    private static Decisions.Decision decision(GateLeads.GateLead lead, long tick, Mode mode, LeadOutcome outcome,
                                               String eventId) {
        return switch (outcome) {
            case LeadOutcome.Allow a -> {
                GateDecision.Blocked observed = a.observed();
                yield new Decisions.Decision(lead.orgId(), lead.lead().leadId(), lead.campaignId(), tick,
                        observed == null ? "ALLOWED" : "ALLOWED_" + mode.name(), mode.name(),
                        observed == null ? null : observed.failureClass().name(), a.reason(),
                        observed == null ? null : observed.failureClass().retryable(),
                        observed == null ? null : observed.failureClass().deferrable(), a.checks(), a.warnings(),
                        eventId);
            }
            case LeadOutcome.Block b -> {
                FailureClass fc = b.failureClass();
                yield new Decisions.Decision(lead.orgId(), lead.lead().leadId(), lead.campaignId(), tick, "BLOCKED",
                        mode.name(), fc.name(), b.reason(), fc.retryable(), fc.deferrable(), b.checks(), List.of(),
                        eventId);
            }
        };
    }

    private void moveTo(GateLeads.GateLead lead, LeadOutcome outcome) {
        Long nextTick = outcome instanceof LeadOutcome.Block b ? b.nextTick() : null;
        moveTo(lead, GateLeads.Status.valueOf(outcome.next().name()), outcome.attempts(), nextTick);
    }

    /** A NEW lead is stored with its first state (one insert); one the gate has is updated. */
    private void moveTo(GateLeads.GateLead lead, GateLeads.Status status, int attempts, Long nextTick) {
        if (lead.status() == GateLeads.Status.NEW) {
            leads.admit(lead, status, attempts, nextTick);
        } else {
            leads.update(lead.lead().leadId(), lead.campaignId(), status, attempts, nextTick);
        }
    }

    static GateLeads.GateLead fresh(String orgId, String campaignId, LeadSnapshot lead) {
        return new GateLeads.GateLead(orgId, campaignId, lead, GateLeads.Status.NEW, 0);
    }
}
