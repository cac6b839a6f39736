package com.superkabe.events.lead;

import com.superkabe.events.Require;

/** A lead passed the ingestion gate and is stored in the organization's Lead table (status held). */
public record LeadAccepted(String orgId, String leadId, String email, String firstName, String lastName,
                           String company, String title, String campaignId, String health, int score,
                           String channel) implements LeadEvent {
    public LeadAccepted {
        Require.text(orgId, "orgId");
        Require.text(leadId, "leadId");
        Require.text(email, "email");
        Require.text(health, "health");
    }

    @Override
    public String subject() {
        return leadId;
    }

    @Override
    public String partitionKey() {
        return orgId;
    }
}
