package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.KnownCampaign;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The campaign view in memory, for application tests. */
final class InMemoryCampaigns implements Campaigns {

    private final Map<String, KnownCampaign> rows = new HashMap<>();

    @Override
    public Optional<KnownCampaign> find(String campaignId) {
        return Optional.ofNullable(rows.get(campaignId));
    }

    @Override
    public void save(KnownCampaign campaign) {
        rows.put(campaign.campaignId(), campaign);
    }
}
