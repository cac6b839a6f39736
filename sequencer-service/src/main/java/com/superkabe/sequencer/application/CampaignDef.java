package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.StepTemplate;
import java.util.List;

/** A campaign's configuration: its mailbox pool and its sequence of steps. */
public record CampaignDef(String orgId, String campaignId, String name, String status, List<String> mailboxIds,
                          List<StepTemplate> steps) {
    public CampaignDef {
        mailboxIds = List.copyOf(mailboxIds);
        steps = List.copyOf(steps);
    }

    /** Sticky mailbox choice: a pure function of the run id, so replay picks the same one. */
    public String mailboxFor(String runId) {
        return mailboxIds.get(Math.floorMod(runId.hashCode(), mailboxIds.size()));
    }

    public long delayBefore(int step) {
        return step < steps.size() ? steps.get(step).delayTicks() : 0;
    }
}
