package com.superkabe.gate.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.GateReleaseRequested;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.ProtectionModeChanged;
import com.superkabe.events.protection.ProtectionWatermark;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.gate.domain.CampaignView;
import com.superkabe.kit.kafka.Envelopes;
import java.util.List;

/**
 * The execution gate's use cases. Deferrable blocks are re-decided, with no polling, when the
 * configuration they wait for arrives; INFRA_ISSUE retries fire on the logical clock; HEALTH_ISSUE
 * pauses wait for an operator's release.
 */
public class GateService {

    private static final int RETRY_BATCH = 500;
    /** The key of the protection service's own watermark (its heartbeat covers every organization). */
    static final String SYSTEM = "system";
    /** The trigger of a decision an operator's release asked for. */
    public static final String RELEASE = "release";

    private final CampaignViews campaigns;
    private final HealthViews health;
    private final GateLeads leads;
    private final LeadEvaluator evaluator;
    private final Envelopes envelopes;
    private final com.superkabe.kit.outbox.EventSink events;

    public GateService(CampaignViews campaigns, HealthViews health, GateLeads leads, LeadEvaluator evaluator,
                       Envelopes envelopes, com.superkabe.kit.outbox.EventSink events) {
        this.envelopes = envelopes;
        this.events = events;
        this.campaigns = campaigns;
        this.health = health;
        this.leads = leads;
        this.evaluator = evaluator;
    }

    /** One accepted lead: the batch path with a batch of one, so both paths decide alike. */
    public void onLeadAccepted(Envelope cause) {
        onLeadsAccepted(List.of(cause));
    }

    /**
     * A poll's worth of accepted leads: their campaigns share-locked in one statement and their views
     * read ahead in a few, the (lead, campaign) pairs the gate already has found in one, then each new
     * pair decided once (a duplicate in the batch is skipped) and admitted with its resulting state.
     */
    public void onLeadsAccepted(List<Envelope> causes) {
        List<Envelope> targeted = causes.stream().filter(e -> e.payload() instanceof LeadAccepted a
                && a.campaignId() != null && !a.campaignId().isBlank()).toList();
        List<GateLeads.Admission> admissions = targeted.stream().map(e -> admission(e.payloadAs(LeadAccepted.class)))
                .toList();
        java.util.Set<String> campaignIds = admissions.stream().map(GateLeads.Admission::campaignId)
                .collect(java.util.stream.Collectors.toSet());
        campaigns.lockShared(campaignIds);
        evaluator.prefetch(campaignIds);
        java.util.Set<String> seen = new java.util.HashSet<>(leads.known(admissions));
        for (int i = 0; i < targeted.size(); i++) {
            GateLeads.Admission a = admissions.get(i);
            if (seen.add(a.key())) {
                evaluator.evaluate(Stamp.causedBy(envelopes, targeted.get(i)), trigger(targeted.get(i)), 0,
                        LeadEvaluator.fresh(a.orgId(), a.campaignId(), a.lead()));
            }
        }
    }

    private static GateLeads.Admission admission(LeadAccepted lead) {
        return new GateLeads.Admission(lead.orgId(), lead.campaignId(), new LeadSnapshot(lead.leadId(), lead.email(),
                lead.firstName(), lead.lastName(), lead.company(), lead.title(), lead.health(), lead.esp()));
    }

    public void onCampaignCreated(Envelope cause) {
        CampaignCreated c = cause.payloadAs(CampaignCreated.class);
        campaigns.lock(c.campaignId());
        campaigns.save(new CampaignView(c.orgId(), c.campaignId(), c.status(), c.mailboxIds()));
        reevaluateHeld(cause, c.campaignId(), c.orgId());
    }

    public void onCampaignStatusChanged(Envelope cause) {
        CampaignStatusChanged c = cause.payloadAs(CampaignStatusChanged.class);
        campaigns.lock(c.campaignId());
        campaigns.find(c.campaignId()).ifPresent(v -> {
            campaigns.save(new CampaignView(v.orgId(), v.campaignId(), c.to(), v.mailboxIds()));
            reevaluateHeld(cause, c.campaignId(), v.orgId());
        });
    }

    public void onMailboxRegistered(Envelope cause) {
        MailboxRegistered m = cause.payloadAs(MailboxRegistered.class);
        health.registerMailbox(m.mailboxId(), m.orgId(), m.domain(), m.dailyLimit());
        for (String campaignId : health.campaignsWithMailbox(m.mailboxId())) {
            campaigns.lock(campaignId);
            // a mailbox is listed only by campaigns of its own organization (the sequencer refuses others)
            reevaluateHeld(cause, campaignId, m.orgId());
        }
    }

    public void onMailboxStateChanged(Envelope cause) {
        MailboxStateChanged m = cause.payloadAs(MailboxStateChanged.class);
        health.mailboxState(m.mailboxId(), m.orgId(), m.domain(), m.to(), m.trigger());
        if ("healthy".equals(m.to()) && "warm_recovery".equals(m.from())) {
            // graduated from the healing pipeline: the bounces that paused it are healed, and keeping
            // them in the risk window would block the mailbox protection just declared healthy
            health.resetWindow(m.mailboxId());
        }
        health.watermark(m.orgId(), m.tick());
    }

    public void onDomainStateChanged(Envelope cause) {
        DomainStateChanged d = cause.payloadAs(DomainStateChanged.class);
        health.domainState(d.orgId(), d.domain(), d.to());
        health.watermark(d.orgId(), d.tick());
    }

    /** Protection has processed every input up to this tick: the gate's view of it is current to there. */
    public void onProtectionWatermark(Envelope cause) {
        health.watermark(SYSTEM, cause.payloadAs(ProtectionWatermark.class).tick());
    }

    public void onModeChanged(Envelope cause) {
        ProtectionModeChanged m = cause.payloadAs(ProtectionModeChanged.class);
        health.mode(m.orgId(), m.to().toUpperCase(java.util.Locale.ROOT));
    }

    public void onSent(Envelope cause) {
        EmailSent s = cause.payloadAs(EmailSent.class);
        health.outcome(s.mailboxId(), 'S', s.requestTick());
    }

    public void onSendFailed(Envelope cause) {
        EmailSendFailed f = cause.payloadAs(EmailSendFailed.class);
        health.outcome(f.mailboxId(), "HARD_BOUNCE".equals(f.kind()) ? 'B' : 'F', f.requestTick());
    }

    public void onTick(Envelope cause) {
        ClockTicked t = cause.payloadAs(ClockTicked.class);
        // exactly once across replicas: a tick handled (or overtaken) by another replica finds the
        // clock already there, after waiting for that handler's transaction to end (ADR 0060)
        if (!health.advanceTo(t.tick())) {
            return;
        }
        List<GateLeads.GateLead> due = leads.dueRetries(t.tick(), RETRY_BATCH);
        // all at once and sorted, like every other multi-campaign locker, so two lockers never deadlock
        campaigns.lockAll(due.stream().map(GateLeads.GateLead::campaignId).toList());
        for (int i = 0; i < due.size(); i++) {
            evaluator.evaluate(Stamp.causedBy(envelopes, cause), trigger(cause), i, due.get(i));
        }
    }

    /** What an operator's release found: the paused pairs it decided again. */
    public sealed interface Release {
        /** Decided again: {@code released} pairs. */
        record Released(int released) implements Release {
        }

        /** The organization has no such lead or campaign at the gate (another organization's is unknown too). */
        record Unknown(String id) implements Release {
        }

        /** Known, but nothing of it is paused: its leads' states, for the answer. */
        record NotPaused(String id, java.util.Set<String> states) implements Release {
        }
    }

    /**
     * An operator releases a lead paused by HEALTH_ISSUE: the release is recorded first (the
     * operator's action as an event, ADR 0047), then the gate decides each paused pair again now.
     */
    public Release release(String requestId, String orgId, String leadId) {
        List<GateLeads.GateLead> paused = leads.ofLead(orgId, leadId, GateLeads.Status.PAUSED);
        if (paused.isEmpty()) {
            java.util.Set<String> states = leads.statesOfLead(orgId, leadId);
            return states.isEmpty() ? new Release.Unknown(leadId) : new Release.NotPaused(leadId, states);
        }
        return released(requestId, orgId, "lead", leadId, paused);
    }

    /** An operator releases every paused lead of a campaign of the organization. */
    public Release releaseCampaign(String requestId, String orgId, String campaignId) {
        campaigns.lock(campaignId);
        if (campaigns.find(campaignId).filter(c -> c.orgId().equals(orgId)).isEmpty()) {
            return new Release.Unknown(campaignId);
        }
        return released(requestId, orgId, "campaign", campaignId, leads.inCampaign(campaignId,
                GateLeads.Status.PAUSED).stream().filter(l -> l.orgId().equals(orgId)).toList());
    }

    private Release released(String requestId, String orgId, String scope, String targetId,
                             List<GateLeads.GateLead> paused) {
        Stamp stamp = Stamp.request(envelopes, requestId);
        if (!paused.isEmpty()) {
            events.publish(envelopes.origin(requestId + "/" + scope + "/" + targetId, health.tick(),
                    new GateReleaseRequested(orgId, scope, targetId, requestId, paused.stream()
                            .map(l -> new GateReleaseRequested.Pair(l.lead().leadId(), l.campaignId())).toList())));
        }
        for (int i = 0; i < paused.size(); i++) {
            evaluator.evaluate(stamp, RELEASE, i, paused.get(i));
        }
        return new Release.Released(paused.size());
    }

    /** What made the gate decide: the input event's wire type. */
    private static String trigger(Envelope cause) {
        return cause.type().wireName();
    }

    /**
     * The held leads of the campaign's own organization only: a lead another organization submitted with
     * this campaign's id stays "not configured" and is never re-decided by this campaign's changes, which
     * would tell its submitter that the id exists and when it changes (#12, hole 6).
     */
    private void reevaluateHeld(Envelope cause, String campaignId, String owner) {
        List<GateLeads.GateLead> waiting = leads.inCampaign(campaignId, GateLeads.Status.HELD).stream()
                .filter(l -> l.orgId().equals(owner)).toList();
        for (int i = 0; i < waiting.size(); i++) {
            evaluator.evaluate(Stamp.causedBy(envelopes, cause), trigger(cause), i, waiting.get(i));
        }
    }
}
