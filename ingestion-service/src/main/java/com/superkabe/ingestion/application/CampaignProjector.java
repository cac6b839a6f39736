package com.superkabe.ingestion.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.ingestion.domain.KnownCampaign;

/**
 * Keeps the campaigns ingestion validates enrolments against, from the sequencer's
 * {@code superkabe.campaigns} (keyed by campaign, so a campaign's events arrive in order): created
 * with its organization and status, then each status change. Other campaign events are ignored.
 */
public class CampaignProjector {

    private final Campaigns campaigns;

    public CampaignProjector(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    public void on(Envelope event) {
        switch (event.payload()) {
            case CampaignCreated c -> campaigns.save(new KnownCampaign(c.campaignId(), c.orgId(), c.status()));
            case CampaignStatusChanged s -> campaigns.save(new KnownCampaign(s.campaignId(), s.orgId(), s.to()));
            default -> {
                // not about a campaign's existence or status
            }
        }
    }
}
