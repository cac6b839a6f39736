package com.superkabe.gate.domain;

import java.util.List;

/** The gate's own copy of a campaign, built from the sequencer's campaign events. */
public record CampaignView(String orgId, String campaignId, String status, List<String> mailboxIds) {
    public CampaignView {
        mailboxIds = List.copyOf(mailboxIds);
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
