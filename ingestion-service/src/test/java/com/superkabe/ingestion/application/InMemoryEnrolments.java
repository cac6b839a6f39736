package com.superkabe.ingestion.application;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.superkabe.ingestion.domain.EnrolmentStatus;

/** The enrolment table in memory, for application tests. */
final class InMemoryEnrolments implements Enrolments {

    private final Map<Pair, Enrolment> rows = new LinkedHashMap<>();
    private final Map<Pair, EnrolmentStatus> statuses = new HashMap<>();
    private final Map<String, Pair> runs = new HashMap<>();

    @Override
    public Set<Pair> insertAll(List<Enrolment> enrolments) {
        Set<Pair> inserted = new LinkedHashSet<>();
        for (Enrolment e : enrolments) {
            if (rows.putIfAbsent(e.pair(), e) == null) {
                inserted.add(e.pair());
            }
        }
        return inserted;
    }

    @Override
    public Map<Pair, String> of(Collection<String> leadIds) {
        Map<Pair, String> out = new HashMap<>();
        rows.forEach((pair, e) -> {
            if (leadIds.contains(pair.leadId())) {
                out.put(pair, e.sourceEventId());
            }
        });
        return out;
    }

    @Override
    public List<View> ofLead(String leadId) {
        return rows.values().stream().filter(e -> e.leadId().equals(leadId))
                .map(e -> new View(e.campaignId(), e.channel(), statuses.getOrDefault(e.pair(), EnrolmentStatus.REQUESTED).name(), null,
                        Instant.EPOCH)).toList();
    }

    @Override
    public Optional<EnrolmentStatus> status(Pair pair) {
        return rows.containsKey(pair) ? Optional.of(statuses.getOrDefault(pair, EnrolmentStatus.REQUESTED))
                : Optional.empty();
    }

    @Override
    public void update(Pair pair, EnrolmentStatus status, String reason, String runId) {
        statuses.put(pair, status);
        if (runId != null) {
            runs.put(runId, pair);
        }
    }

    @Override
    public Optional<Pair> ofRun(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }
}
