package com.superkabe.ingestion.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Port: which (lead, campaign) pairs ingestion has announced, and what became of each. */
public interface Enrolments {

    record Pair(String leadId, String campaignId) {
    }

    /** A pair to record: {@code sourceEventId} names the intake-topic event that asked for it, if any. */
    record Enrolment(String orgId, String leadId, String campaignId, String channel, String sourceEventId) {
        public Pair pair() {
            return new Pair(leadId, campaignId);
        }
    }

    /** A lead's enrolment as its view shows it. */
    record View(String campaignId, String channel, String status, String statusReason, Instant requestedAt) {
    }

    /** Records the pairs not yet known; returns the ones recorded now. */
    Set<Pair> insertAll(List<Enrolment> enrolments);

    /** The known pairs of these leads, each with the intake-topic event that asked for it (null: none). */
    Map<Pair, String> of(Collection<String> leadIds);

    List<View> ofLead(String leadId);

    /** Moves an enrolment's status if the pair is known (gate decisions and runs report per campaign). */
    void mark(String leadId, String campaignId, String status, String reason);
}
