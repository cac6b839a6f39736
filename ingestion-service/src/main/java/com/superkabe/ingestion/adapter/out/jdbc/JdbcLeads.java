package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.Leads;
import com.superkabe.ingestion.domain.LeadStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Lead table. Inserts are multi-row statements (at most {@value #CHUNK} rows: PG's 65k bind limit). */
@Repository
class JdbcLeads implements Leads {

    private static final int CHUNK = 1000;
    private static final String COLUMNS = "lead_id, org_id, email, first_name, last_name, company, title, "
            + "campaign_id, health, score, status, channel, lead_score, source_event_id";
    private static final String SELECT = "SELECT " + COLUMNS + ", status_reason, replied FROM lead ";
    private final JdbcClient jdbc;

    JdbcLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> insertAll(List<Lead> leads) {
        Set<String> inserted = new HashSet<>();
        for (int from = 0; from < leads.size(); from += CHUNK) {
            List<Lead> chunk = leads.subList(from, Math.min(leads.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("INSERT INTO lead(" + COLUMNS + ") VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * 14);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                Lead l = chunk.get(i);
                params.addAll(java.util.Arrays.asList(l.leadId(), l.orgId(), l.email(), l.firstName(), l.lastName(),
                        l.company(), l.title(), l.campaignId(), l.health(), l.score(), l.status(), l.channel(),
                        l.leadScore(), l.sourceEventId()));
            }
            sql.append(" ON CONFLICT DO NOTHING RETURNING lead_id");
            inserted.addAll(jdbc.sql(sql.toString()).params(params).query(String.class).list());
        }
        return inserted;
    }

    @Override
    public Map<String, LeadStatus> statuses(Collection<String> leadIds) {
        Map<String, LeadStatus> out = new HashMap<>();
        jdbc.sql("SELECT lead_id, status FROM lead WHERE lead_id IN (:ids)").param("ids", leadIds)
                .query((rs, i) -> out.put(rs.getString(1), LeadStatus.valueOf(rs.getString(2)))).list();
        return out;
    }

    @Override
    public Map<String, Stored> stored(Collection<String> leadIds) {
        Map<String, Stored> out = new HashMap<>();
        jdbc.sql(SELECT + "WHERE lead_id IN (:ids)").param("ids", leadIds).query(JdbcLeads::map).list()
                .forEach(l -> out.put(l.leadId(), new Stored(LeadStatus.valueOf(l.status()), l.health(), l.score(),
                        l.sourceEventId(), l)));
        return out;
    }

    @Override
    public Optional<Lead> find(String orgId, String leadId) {
        return jdbc.sql(SELECT + "WHERE org_id = ? AND lead_id = ?").params(orgId, leadId)
                .query(JdbcLeads::map).optional();
    }

    @Override
    public void updateStatus(String leadId, LeadStatus status, String reason) {
        jdbc.sql("UPDATE lead SET status = ?, status_reason = ?, status_changed_at = now() WHERE lead_id = ?")
                .params(status.name(), reason == null ? null : reason.substring(0, Math.min(512, reason.length())),
                        leadId)
                .update();
    }

    @Override
    public void markReplied(String leadId) {
        jdbc.sql("UPDATE lead SET replied = true WHERE lead_id = ?").param(leadId).update();
    }

    @Override
    public void rememberRun(String runId, String leadId) {
        jdbc.sql("INSERT INTO run_lead(run_id, lead_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(runId, leadId)
                .update();
    }

    @Override
    public Optional<String> leadOfRun(String runId) {
        return jdbc.sql("SELECT lead_id FROM run_lead WHERE run_id = ?").param(runId).query(String.class).optional();
    }

    private static Lead map(ResultSet rs, int i) throws SQLException {
        int leadScore = rs.getInt(13);
        Integer ls = rs.wasNull() ? null : leadScore;
        return new Lead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
                rs.getString(12), ls, rs.getString(15), rs.getBoolean(16), rs.getString(14));
    }
}
