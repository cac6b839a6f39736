package com.superkabe.sequencer.application;

import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;

/** Creates campaigns and tells the other services (the gate keeps its own view). */
public class CampaignService {

    private final Campaigns campaigns;
    private final EventSink events;
    private final Envelopes envelopes;

    public CampaignService(Campaigns campaigns, EventSink events, Envelopes envelopes) {
        this.campaigns = campaigns;
        this.events = events;
        this.envelopes = envelopes;
    }

    /**
     * Sets the campaign's status and tells the other services; the gate holds new leads of a paused
     * campaign, and this service's dispatcher reads the event back through its ordered input queue
     * (so a replay pauses at the same tick). Returns false for an unknown campaign.
     */
    public boolean changeStatus(CampaignDef campaign, String to) {
        return campaigns.changeStatus(campaign.campaignId(), to).map(change -> {
            if (!change.from().equals(to)) {
                events.publish(envelopes.origin("campaign/" + campaign.campaignId() + "/status/" + change.version(),
                        -1, new CampaignStatusChanged(campaign.orgId(), campaign.campaignId(), change.from(), to)));
            }
            return true;
        }).orElse(false);
    }

    public void create(CampaignDef campaign) {
        campaigns.insert(campaign);
        events.publish(envelopes.origin("campaign/" + campaign.campaignId(), -1, new CampaignCreated(campaign.orgId(),
                campaign.campaignId(), campaign.name(), campaign.status(), campaign.steps().size(),
                campaign.mailboxIds())));
    }
}
