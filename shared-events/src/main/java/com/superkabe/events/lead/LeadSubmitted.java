package com.superkabe.events.lead;

import com.superkabe.events.SuperkabeEvent;

/**
 * A lead as a user publishes it on the public intake topic with any Kafka client. Deliberately
 * lenient (all fields optional on the wire): the ingestion gate, not the decoder, judges it.
 */
public record LeadSubmitted(String orgId, String email, String firstName, String lastName, String company,
                            String title, String campaignId) implements LeadEvent {
    @Override
    public String subject() {
        return email == null ? "unknown" : email;
    }

    @Override
    public String partitionKey() {
        return orgId == null ? "unknown" : orgId;
    }
}
