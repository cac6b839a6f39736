package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.KnownCampaign;
import java.util.Optional;

/** Port: the campaigns ingestion knows from the sequencer's campaign events (organization, status). */
public interface Campaigns {

    Optional<KnownCampaign> find(String campaignId);

    /** Records a campaign's organization and status as its latest event says. */
    void save(KnownCampaign campaign);
}
