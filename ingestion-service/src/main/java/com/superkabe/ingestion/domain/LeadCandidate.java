package com.superkabe.ingestion.domain;

/** A lead as submitted through any intake path, before the gate has judged it. */
public record LeadCandidate(String orgId, String email, String firstName, String lastName, String company,
                            String title, String campaignId) {
}
