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
import com.superkabe.gate.domain.MailboxHealth;
import com.superkabe.gate.domain.Mode;
import com.superkabe.kit.outbox.EventSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the checks for one lead against the gate's current view, applies the organization's mode,
 * moves the lead to its next gate state, records the decision and publishes it.
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
        Mode mode = view.mode();
        if (decision instanceof GateDecision.Allowed a) {
            allow(cause, index, lead, tick, mode, a, null);
        } else if (decision instanceof GateDecision.Blocked b && !mode.blocks()
                && b.failureClass() != com.superkabe.gate.domain.FailureClass.SYNC_ISSUE) {
            // modes soften judgements about risk; a campaign or mailbox the gate has never heard of is
            // not a judgement, and letting the lead through would enrol it into nothing
            allow(cause, index, lead, tick, mode, new GateDecision.Allowed(b.checks(), List.of()), b);
        } else {
            block(cause, index, lead, tick, mode, (GateDecision.Blocked) decision);
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

    private void allow(Stamp cause, int index, GateLeads.GateLead lead, long tick, Mode mode,
                       GateDecision.Allowed allowed, GateDecision.Blocked observed) {
        moveTo(lead, GateLeads.Status.ACTIVE, lead.attempts(), null);
        String reason = observed == null ? null : (mode == Mode.SUGGEST ? "Recommendation: block. " : "Observed: ")
                + observed.reason();
        LeadGateAllowed event = new LeadGateAllowed(lead.orgId(), lead.campaignId(), lead.lead(), mode.name(),
                allowed.checks(), observed == null ? null : observed.failureClass().name(), reason, allowed.warnings());
        Envelope envelope = cause.apply(lead.lead().leadId(), index, tick, event);
        decisions.record(new Decisions.Decision(lead.orgId(), lead.lead().leadId(), lead.campaignId(), tick,
                observed == null ? "ALLOWED" : "ALLOWED_" + mode.name(), mode.name(),
                observed == null ? null : observed.failureClass().name(), reason,
                observed == null ? null : observed.failureClass().retryable(),
                observed == null ? null : observed.failureClass().deferrable(), allowed.checks(), allowed.warnings(),
                envelope.id()));
        events.publish(envelope);
    }

    private void block(Stamp cause, int index, GateLeads.GateLead lead, long tick, Mode mode,
                       GateDecision.Blocked b) {
        String reason = b.reason();
        int attempts = lead.attempts();
        FailureClass fc = b.failureClass();
        switch (fc) {
            case SYNC_ISSUE -> moveTo(lead, GateLeads.Status.HELD, attempts, null);
            case HEALTH_ISSUE -> {
                reason = reason + " Manual intervention required: release the lead once the mailboxes recover.";
                moveTo(lead, GateLeads.Status.PAUSED, attempts, null);
            }
            case INFRA_ISSUE -> {
                attempts++;
                if (settings.retry().allowsAnother(attempts)) {
                    long next = settings.retry().nextAttemptTick(lead.lead().leadId(), attempts, tick);
                    reason = reason + " Attempt " + attempts + " of " + settings.retry().maxAttempts()
                            + "; next at tick " + next + ".";
                    moveTo(lead, GateLeads.Status.RETRYING, attempts, next);
                } else {
                    reason = reason + " Retries exhausted after " + attempts + " attempts; lead paused for an operator.";
                    moveTo(lead, GateLeads.Status.PAUSED, attempts, null);
                }
            }
        }
        LeadGateBlocked event = new LeadGateBlocked(lead.orgId(), lead.campaignId(), lead.lead().leadId(), fc.name(),
                reason, fc.retryable(), fc.deferrable(), mode.name(), b.checks());
        Envelope envelope = cause.apply(lead.lead().leadId(), index, tick, event);
        decisions.record(new Decisions.Decision(lead.orgId(), lead.lead().leadId(), lead.campaignId(), tick, "BLOCKED",
                mode.name(), fc.name(), reason, fc.retryable(), fc.deferrable(), b.checks(), List.of(), envelope.id()));
        events.publish(envelope);
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
