package com.superkabe.ingestion.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.superkabe.ingestion.domain.EnrolmentStatus;
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

    /** The enrolment's status, if the pair is known. */
    Optional<EnrolmentStatus> status(Pair pair);

    /** Sets the status (the caller has applied {@link EnrolmentStatus#evolve}) and, when given, the run. */
    void update(Pair pair, EnrolmentStatus status, String reason, String runId);

    /** The enrolment a sequencer run belongs to. */
    Optional<Pair> ofRun(String runId);
}
