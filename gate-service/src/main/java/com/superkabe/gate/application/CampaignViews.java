package com.superkabe.gate.application;

import com.superkabe.gate.domain.CampaignView;
import java.util.Optional;

/** Port: the gate's view of campaigns. */
public interface CampaignViews {

    Optional<CampaignView> find(String campaignId);

    void save(CampaignView view);
}
