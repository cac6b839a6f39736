package com.superkabe.gate.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.gate.domain.CampaignView;
import com.superkabe.gate.domain.FailureClass;
import com.superkabe.gate.domain.GateDecider;
import com.superkabe.gate.domain.GateDecision;
import com.superkabe.gate.domain.GateView;
import com.superkabe.gate.domain.LeadGateDecider;
import com.superkabe.gate.domain.LeadOutcome;
import com.superkabe.gate.domain.MailboxHealth;
import com.superkabe.gate.domain.Mode;
import com.superkabe.kit.outbox.EventSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the checks for one lead against the gate's current view and lets {@link LeadGateDecider}
 * decide what happens to it (mode, next state, retry); then stores the lead's state, records the
 * decision and publishes it.
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

    public void evaluate(Stamp cause, int index, GateLeads.GateLead lead) {
        long tick = health.tick();
        GateView view = view(lead.orgId(), lead.campaignId(), tick);
        GateDecision decision = GateDecider.decide(lead.orgId(), lead.campaignId(), view);
        LeadOutcome outcome = LeadGateDecider.decide(lead.lead().leadId(), decision, view.mode(), lead.attempts(),
                settings.retry(), tick);
        switch (outcome) {
            case LeadOutcome.Allow a -> allow(cause, index, lead, tick, view.mode(), a);
            case LeadOutcome.Block b -> block(cause, index, lead, tick, view.mode(), b);
        }
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

    private void allow(Stamp cause, int index, GateLeads.GateLead lead, long tick, Mode mode, LeadOutcome.Allow a) {
        moveTo(lead, a);
        GateDecision.Blocked observed = a.observed();
        LeadGateAllowed event = new LeadGateAllowed(lead.orgId(), lead.campaignId(), lead.lead(), mode.name(),
                a.checks(), observed == null ? null : observed.failureClass().name(), a.reason(), a.warnings());
        Envelope envelope = cause.apply(lead.lead().leadId(), index, tick, event);
        decisions.record(new Decisions.Decision(lead.orgId(), lead.lead().leadId(), lead.campaignId(), tick,
                observed == null ? "ALLOWED" : "ALLOWED_" + mode.name(), mode.name(),
                observed == null ? null : observed.failureClass().name(), a.reason(),
                observed == null ? null : observed.failureClass().retryable(),
                observed == null ? null : observed.failureClass().deferrable(), a.checks(), a.warnings(),
                envelope.id()));
        events.publish(envelope);
    }

    private void block(Stamp cause, int index, GateLeads.GateLead lead, long tick, Mode mode, LeadOutcome.Block b) {
        moveTo(lead, b);
        FailureClass fc = b.failureClass();
        LeadGateBlocked event = new LeadGateBlocked(lead.orgId(), lead.campaignId(), lead.lead().leadId(), fc.name(),
                b.reason(), fc.retryable(), fc.deferrable(), mode.name(), b.checks());
        Envelope envelope = cause.apply(lead.lead().leadId(), index, tick, event);
        decisions.record(new Decisions.Decision(lead.orgId(), lead.lead().leadId(), lead.campaignId(), tick, "BLOCKED",
                mode.name(), fc.name(), b.reason(), fc.retryable(), fc.deferrable(), b.checks(), List.of(),
                envelope.id()));
        events.publish(envelope);
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
