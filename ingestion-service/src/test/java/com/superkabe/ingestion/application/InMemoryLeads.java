package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.LeadStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Lead table in memory, for application tests. */
final class InMemoryLeads implements Leads {

    private static final class Row {
        final Lead lead;
        LeadStatus status;

        Row(Lead lead) {
            this.lead = lead;
            this.status = LeadStatus.valueOf(lead.status());
        }
    }

    private final Map<String, Row> rows = new HashMap<>();
    private final Map<String, String> runs = new HashMap<>();

    @Override
    public Set<String> insertAll(List<Lead> batch) {
        Set<String> inserted = new LinkedHashSet<>();
        for (Lead l : batch) {
            if (rows.putIfAbsent(l.leadId(), new Row(l)) == null) {
                inserted.add(l.leadId());
            }
        }
        return inserted;
    }

    @Override
    public Map<String, LeadStatus> statuses(Collection<String> ids) {
        Map<String, LeadStatus> out = new HashMap<>();
        ids.stream().filter(rows::containsKey).forEach(id -> out.put(id, rows.get(id).status));
        return out;
    }

    @Override
    public Map<String, Stored> stored(Collection<String> ids) {
        Map<String, Stored> out = new HashMap<>();
        ids.stream().filter(rows::containsKey).forEach(id -> {
            Row r = rows.get(id);
            out.put(id, new Stored(r.status, r.lead.health(), r.lead.score(), r.lead.sourceEventId(), r.lead));
        });
        return out;
    }

    @Override
    public Optional<Lead> find(String orgId, String leadId) {
        return Optional.ofNullable(rows.get(leadId)).filter(r -> r.lead.orgId().equals(orgId)).map(r -> r.lead);
    }

    @Override
    public void updateStatus(String leadId, LeadStatus status, String reason) {
        rows.get(leadId).status = status;
    }

    @Override
    public void markReplied(String leadId) {
    }

    @Override
    public void rememberRun(String runId, String leadId) {
        runs.put(runId, leadId);
    }

    @Override
    public Optional<String> leadOfRun(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    int size() {
        return rows.size();
    }

    LeadStatus status(String leadId) {
        return rows.get(leadId).status;
    }
}
