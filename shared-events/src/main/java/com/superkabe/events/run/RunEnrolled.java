package com.superkabe.events.run;

import com.superkabe.events.Require;
import com.superkabe.events.gate.LeadSnapshot;

/**
 * A lead became a CampaignLead run, PENDING at step 0 (ADR 0022), first step due at {@code dueTick}
 * once it starts. {@code mailboxId} is absent since routing (ADR 0019): the first dispatch chooses the
 * mailbox. {@code campaignVersion} (optional, absent before versions): the campaign version the run
 * keeps for its whole life.
 */
public record RunEnrolled(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId,
                          int stepCount, long dueTick, long tick, Integer campaignVersion) implements RunEvent {

    public RunEnrolled(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId,
                       int stepCount, long dueTick, long tick) {
        this(orgId, runId, campaignId, lead, mailboxId, stepCount, dueTick, tick, 1);
    }

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
