package com.superkabe.events.campaign;

import com.superkabe.events.Require;

/**
 * A campaign's steps were edited: version {@code version} (1 is the created one) with {@code stepCount}
 * steps is the one new runs start with; runs keep the version they started with. {@code steps} are that
 * version's steps (ADR 0039), null on events published before they were carried.
 */
public record CampaignVersionPublished(String orgId, String campaignId, int version, int stepCount, String actor,
                                       java.util.List<CampaignStep> steps) implements CampaignEvent {

    /** Without the steps, as events before ADR 0039 have it. */
    public CampaignVersionPublished(String orgId, String campaignId, int version, int stepCount, String actor) {
        this(orgId, campaignId, version, stepCount, actor, null);
    }

    public CampaignVersionPublished {
        Require.text(orgId, "orgId");
        Require.text(campaignId, "campaignId");
        Require.text(actor, "actor");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        steps = steps == null ? null : java.util.List.copyOf(steps);
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
