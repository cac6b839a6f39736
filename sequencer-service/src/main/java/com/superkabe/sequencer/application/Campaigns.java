package com.superkabe.sequencer.application;

import java.util.Optional;

/** Port: campaign configuration. */
public interface Campaigns {

    void insert(CampaignDef campaign);

    Optional<CampaignDef> find(String campaignId);
}
