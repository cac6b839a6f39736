package com.superkabe.events.campaign;

import com.superkabe.events.Require;

/**
 * A campaign's steps were edited: version {@code version} (1 is the created one) with {@code stepCount}
 * steps is the one new runs start with; runs keep the version they started with.
 */
public record CampaignVersionPublished(String orgId, String campaignId, int version, int stepCount, String actor)
        implements CampaignEvent {
    public CampaignVersionPublished {
        Require.text(orgId, "orgId");
        Require.text(campaignId, "campaignId");
        Require.text(actor, "actor");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
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
