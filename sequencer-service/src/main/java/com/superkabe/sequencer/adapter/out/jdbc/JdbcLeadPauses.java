package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.LeadPauses;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Paused leads ({@code lead_pause}). */
@Repository
class JdbcLeadPauses implements LeadPauses {

    private final JdbcClient jdbc;

    JdbcLeadPauses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void setLeadPaused(String orgId, String leadId, boolean paused) {
        jdbc.sql(paused ? "INSERT INTO lead_pause(org_id, lead_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
                : "DELETE FROM lead_pause WHERE org_id = ? AND lead_id = ?").params(orgId, leadId).update();
    }

    @Override
    public Set<String> pausedLeads(String orgId, Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT lead_id FROM lead_pause WHERE org_id = ? AND lead_id = ANY(?)")
                .params(orgId, leadIds.toArray(String[]::new)).query(String.class).list());
    }
}
