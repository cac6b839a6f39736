package com.superkabe.sequencer.application;

import com.superkabe.events.campaign.CampaignCreated;
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

    public void create(CampaignDef campaign) {
        campaigns.insert(campaign);
        events.publish(envelopes.origin("campaign/" + campaign.campaignId(), -1, new CampaignCreated(campaign.orgId(),
                campaign.campaignId(), campaign.name(), campaign.status(), campaign.steps().size(),
                campaign.mailboxIds())));
    }
}
