package com.superkabe.events.run;

import com.superkabe.events.Require;
import com.superkabe.events.gate.LeadSnapshot;

/**
 * A lead became a CampaignLead run, ACTIVE at step 0, first step due at {@code dueTick}.
 * {@code mailboxId} is absent since routing (ADR 0019): the first dispatch chooses the mailbox.
 */
public record RunEnrolled(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId,
                          int stepCount, long dueTick, long tick) implements RunEvent {
    public RunEnrolled {
        Require.text(orgId, "orgId");
        Require.text(runId, "runId");
        Require.text(campaignId, "campaignId");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
