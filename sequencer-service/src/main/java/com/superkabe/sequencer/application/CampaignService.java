package com.superkabe.sequencer.application;

import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;

/**
 * Creates campaigns, changes their status and versions, and tells the other services (the gate keeps
 * its own view). A campaign whose runs are all terminal is completed here (ADR 0022).
 */
public class CampaignService implements CampaignCompletions {

    private final Campaigns campaigns;
    private final EventSink events;
    private final Envelopes envelopes;

    public CampaignService(Campaigns campaigns, EventSink events, Envelopes envelopes) {
        this.campaigns = campaigns;
        this.events = events;
        this.envelopes = envelopes;
    }

    /**
     * Sets the campaign's status and tells the other services; the gate holds new leads of a paused
     * campaign, and this service's dispatcher reads the event back through its ordered input queue
     * (so a replay pauses at the same tick). Returns false for an unknown campaign.
     */
    public boolean changeStatus(CampaignDef campaign, String to) {
        return changeStatus(campaign, to, null, null);
    }

    /** As {@link #changeStatus(CampaignDef, String)}, audited with who asked and why. */
    public boolean changeStatus(CampaignDef campaign, String to, String actor, String reason) {
        return campaigns.changeStatus(campaign.campaignId(), to).map(change -> {
            if (!change.from().equals(to)) {
                events.publish(envelopes.origin("campaign/" + campaign.campaignId() + "/status/" + change.version(),
                        -1, new CampaignStatusChanged(campaign.orgId(), campaign.campaignId(), change.from(), to, actor,
                                reason)));
            }
            return true;
        }).orElse(false);
    }

    @Override
    public void complete(CampaignDef campaign, com.superkabe.events.Envelope cause) {
        campaigns.changeStatus(campaign.campaignId(), "COMPLETED").filter(change -> !"COMPLETED".equals(change.from()))
                .ifPresent(change -> events.publish(envelopes.causedBy(cause, "campaign/" + campaign.campaignId()
                        + "/status/" + change.version(), 0, -1, new CampaignStatusChanged(campaign.orgId(),
                        campaign.campaignId(), change.from(), "COMPLETED", "system",
                        "every run is terminal and none changed for a day"))));
    }

    /**
     * Stores the edited steps as the campaign's next version and announces it; the sequencer starts new
     * runs with it once it reads the announcement back (running runs keep theirs). Returns the version.
     */
    public int publishVersion(CampaignDef campaign, java.util.List<com.superkabe.sequencer.domain.StepTemplate> steps,
                              String actor) {
        int version = campaigns.addVersion(campaign.campaignId(), steps);
        events.publish(envelopes.origin("campaign/" + campaign.campaignId() + "/version/" + version, -1,
                new com.superkabe.events.campaign.CampaignVersionPublished(campaign.orgId(), campaign.campaignId(),
                        version, steps.size(), actor, CampaignWire.steps(steps))));
        return version;
    }

    public void create(CampaignDef campaign) {
        campaigns.insert(campaign);
        events.publish(envelopes.origin("campaign/" + campaign.campaignId(), -1, CampaignWire.created(campaign)));
    }
}
