package com.superkabe.ingestion.domain;

/**
 * A lead as submitted through any intake path, before the gate has judged it. {@code leadScore}
 * is the submitter's own score (CSV "score", Clay "lead score"), kept as given; it is not the
 * health score the gate computes.
 */
public record LeadCandidate(String orgId, String email, String firstName, String lastName, String company,
                            String title, String campaignId, Integer leadScore) {

    public LeadCandidate(String orgId, String email, String firstName, String lastName, String company,
                         String title, String campaignId) {
        this(orgId, email, firstName, lastName, company, title, campaignId, null);
    }
}
