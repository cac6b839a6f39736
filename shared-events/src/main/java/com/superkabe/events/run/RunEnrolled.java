package com.superkabe.events.run;

import com.superkabe.events.Require;
import com.superkabe.events.gate.LeadSnapshot;

/** A lead became a CampaignLead run, ACTIVE at step 0, first step due at {@code dueTick}. */
public record RunEnrolled(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId,
                          int stepCount, long dueTick, long tick) implements RunEvent {
    public RunEnrolled {
        Require.text(orgId, "orgId");
        Require.text(runId, "runId");
        Require.text(campaignId, "campaignId");
        Require.text(mailboxId, "mailboxId");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
