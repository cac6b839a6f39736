package com.superkabe.events.campaign;

import com.superkabe.events.Require;

/**
 * A campaign moved between DRAFT, ACTIVE, PAUSED and COMPLETED. Optional: {@code actor} (an API-key
 * fingerprint, or "system" for a completion) and {@code reason}.
 */
public record CampaignStatusChanged(String orgId, String campaignId, String from, String to, String actor,
                                    String reason) implements CampaignEvent {

    public CampaignStatusChanged(String orgId, String campaignId, String from, String to) {
        this(orgId, campaignId, from, to, null, null);
    }

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
