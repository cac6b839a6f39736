package com.superkabe.gate.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.gate.domain.CampaignView;
import com.superkabe.gate.domain.GateDecider;
import com.superkabe.gate.domain.GateDecision;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import java.util.List;

/**
 * Use cases of the execution gate. A lead blocked for a deferrable reason is held and decided
 * again, with no polling, when the campaign event it was waiting for arrives.
 */
public class GateService {

    static final String MODE = "ENFORCE";

    private final CampaignViews campaigns;
    private final HeldLeads held;
    private final EventSink events;
    private final Envelopes envelopes;

    public GateService(CampaignViews campaigns, HeldLeads held, EventSink events, Envelopes envelopes) {
        this.campaigns = campaigns;
        this.held = held;
        this.events = events;
        this.envelopes = envelopes;
    }

    public void onLeadAccepted(Envelope cause) {
        LeadAccepted lead = cause.payloadAs(LeadAccepted.class);
        if (lead.campaignId() == null || lead.campaignId().isBlank()) {
            return;
        }
        LeadSnapshot snapshot = new LeadSnapshot(lead.leadId(), lead.email(), lead.firstName(), lead.lastName(),
                lead.company(), lead.title());
        campaigns.lock(lead.campaignId());
        evaluate(cause, 0, new HeldLeads.Held(lead.orgId(), lead.campaignId(), snapshot));
    }

    public void onCampaignCreated(Envelope cause) {
        CampaignCreated c = cause.payloadAs(CampaignCreated.class);
        campaigns.lock(c.campaignId());
        campaigns.save(new CampaignView(c.orgId(), c.campaignId(), c.status(), c.mailboxIds()));
        reevaluateHeld(cause, c.campaignId());
    }

    public void onCampaignStatusChanged(Envelope cause) {
        CampaignStatusChanged c = cause.payloadAs(CampaignStatusChanged.class);
        campaigns.lock(c.campaignId());
        campaigns.find(c.campaignId()).ifPresent(v -> {
            campaigns.save(new CampaignView(v.orgId(), v.campaignId(), c.to(), v.mailboxIds()));
            reevaluateHeld(cause, c.campaignId());
        });
    }

    private void reevaluateHeld(Envelope cause, String campaignId) {
        List<HeldLeads.Held> waiting = held.heldFor(campaignId);
        for (int i = 0; i < waiting.size(); i++) {
            evaluate(cause, i, waiting.get(i));
        }
    }

    private void evaluate(Envelope cause, int index, HeldLeads.Held lead) {
        GateDecision decision = GateDecider.decide(lead.orgId(), lead.campaignId(), campaigns.find(lead.campaignId()));
        switch (decision) {
            case GateDecision.Allowed a -> {
                held.release(lead.lead().leadId(), lead.campaignId());
                if (held.markAllowed(lead.lead().leadId(), lead.campaignId())) {
                    events.publish(envelopes.causedBy(cause, index, -1,
                            new LeadGateAllowed(lead.orgId(), lead.campaignId(), lead.lead(), MODE, a.checks())));
                }
            }
            case GateDecision.Blocked b -> {
                if (b.failureClass().deferrable()) {
                    held.hold(lead);
                }
                events.publish(envelopes.causedBy(cause, index, -1, new LeadGateBlocked(lead.orgId(),
                        lead.campaignId(), lead.lead().leadId(), b.failureClass().name(), b.reason(),
                        b.failureClass().retryable(), b.failureClass().deferrable(), MODE, b.checks())));
            }
        }
    }
}
