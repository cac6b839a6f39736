package com.superkabe.events.campaign;

import com.superkabe.events.Require;
import java.util.List;

/** A campaign was configured with its steps and mailbox pool; {@code status} is ACTIVE or DRAFT. */
public record CampaignCreated(String orgId, String campaignId, String name, String status, int stepCount,
                              List<String> mailboxIds) implements CampaignEvent {
    public CampaignCreated {
        Require.text(orgId, "orgId");
        Require.text(campaignId, "campaignId");
        Require.text(status, "status");
        mailboxIds = List.copyOf(mailboxIds);
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
