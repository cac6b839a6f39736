package com.superkabe.ingestion.application;

import java.util.Optional;

/** Port: the org-wide Lead table. */
public interface Leads {

    record Lead(String leadId, String orgId, String email, String firstName, String lastName, String company,
                String title, String campaignId, String health, int score, String status, String channel) {
    }

    /** Stores the lead; false when the organization already has a lead with this address. */
    boolean insert(Lead lead);

    Optional<Lead> find(String orgId, String leadId);

    Optional<Lead> findByEmail(String orgId, String email);
}
