package com.superkabe.events.campaign;

import com.superkabe.events.Require;

/** A campaign moved between ACTIVE, PAUSED and DRAFT. */
public record CampaignStatusChanged(String orgId, String campaignId, String from, String to)
        implements CampaignEvent {
    public CampaignStatusChanged {
        Require.text(orgId, "orgId");
        Require.text(campaignId, "campaignId");
        Require.text(to, "to");
    }

    @Override
    public String subject() {
        return campaignId;
    }

    @Override
    public String partitionKey() {
        return campaignId;
    }
}
