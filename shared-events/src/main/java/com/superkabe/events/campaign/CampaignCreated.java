package com.superkabe.events.campaign;

import com.superkabe.events.Require;
import java.util.List;

/**
 * A campaign was configured with its steps and mailbox pool; {@code status} is ACTIVE or DRAFT.
 * {@code steps} and {@code rules} are the whole definition the sequencer decides with (ADR 0039), so the
 * campaigns topic alone rebuilds it; both are null on events published before they existed.
 */
public record CampaignCreated(String orgId, String campaignId, String name, String status, int stepCount,
                              List<String> mailboxIds, List<CampaignStep> steps, CampaignSendRules rules)
        implements CampaignEvent {
    public CampaignCreated {
        Require.text(orgId, "orgId");
        Require.text(campaignId, "campaignId");
        Require.text(status, "status");
        mailboxIds = List.copyOf(mailboxIds);
        steps = steps == null ? null : List.copyOf(steps);
    }

    /** Without the definition, as events before ADR 0039 (and services that need only the pool) have it. */
    public CampaignCreated(String orgId, String campaignId, String name, String status, int stepCount,
                           List<String> mailboxIds) {
        this(orgId, campaignId, name, status, stepCount, mailboxIds, null, null);
    }

    /** Whether the event carries the definition a replay needs. */
    public boolean hasDefinition() {
        return steps != null;
    }

    @Override
    public String subject() {
        return campaignId;
    }

    @Override
    public String partitionKey() {
        return campaignId;
    }
}
