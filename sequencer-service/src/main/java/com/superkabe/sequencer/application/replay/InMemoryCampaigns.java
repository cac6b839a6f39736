package com.superkabe.sequencer.application.replay;

import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.Campaigns;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Campaign definitions for replay and what-if. Nothing is paused at the start: pauses come only from
 * the recorded CampaignStatusChanged inputs, as in production, so they apply at the same tick.
 */
public final class InMemoryCampaigns implements Campaigns {

    private final Map<String, CampaignDef> byId = new HashMap<>();
    private final Set<String> paused = new HashSet<>();
    private final Map<String, Integer> statusVersions = new HashMap<>();

    public InMemoryCampaigns(List<CampaignDef> definitions) {
        definitions.forEach(this::insert);
    }

    @Override
    public void insert(CampaignDef campaign) {
        byId.put(campaign.campaignId(), campaign);
    }

    @Override
    public Optional<CampaignDef> find(String campaignId) {
        return Optional.ofNullable(byId.get(campaignId));
    }

    @Override
    public Optional<StatusChange> changeStatus(String campaignId, String status) {
        return find(campaignId).map(c -> {
            byId.put(campaignId, c.withStatus(status));
            return new StatusChange(c.status(), statusVersions.merge(campaignId, 1, Integer::sum));
        });
    }

    @Override
    public int addVersion(String campaignId, List<com.superkabe.sequencer.domain.StepTemplate> steps) {
        CampaignDef c = byId.get(campaignId);
        int version = c.latestVersion() + 1;
        byId.put(campaignId, c.withVersion(version, steps));
        return version;
    }

    @Override
    public void setEnrolVersion(String campaignId, int version) {
        find(campaignId).filter(c -> version == 1 || c.laterVersions().containsKey(version))
                .ifPresent(c -> byId.put(campaignId, c.enrollingWith(version)));
    }

    @Override
    public void setDispatchPaused(String campaignId, boolean pause) {
        if (pause) {
            paused.add(campaignId);
        } else {
            paused.remove(campaignId);
        }
    }

    @Override
    public Set<String> dispatchPaused() {
        return Set.copyOf(paused);
    }
}
