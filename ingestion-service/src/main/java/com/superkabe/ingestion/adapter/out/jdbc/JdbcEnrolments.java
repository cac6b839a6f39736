package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.Enrolments;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.superkabe.ingestion.domain.EnrolmentStatus;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enrolment table: one row per (lead, campaign) pair announced; multi-row inserts. */
@Repository
class JdbcEnrolments implements Enrolments {

    private static final int CHUNK = 1000;
    private final JdbcClient jdbc;

    JdbcEnrolments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Pair> insertAll(List<Enrolment> enrolments) {
        Set<Pair> inserted = new HashSet<>();
        for (int from = 0; from < enrolments.size(); from += CHUNK) {
            List<Enrolment> chunk = enrolments.subList(from, Math.min(enrolments.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO enrolment(lead_id, campaign_id, org_id, channel, source_event_id) VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * 5);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?)");
                Enrolment e = chunk.get(i);
                params.addAll(java.util.Arrays.asList(e.leadId(), e.campaignId(), e.orgId(), e.channel(),
                        e.sourceEventId()));
            }
            sql.append(" ON CONFLICT DO NOTHING RETURNING lead_id, campaign_id");
            inserted.addAll(jdbc.sql(sql.toString()).params(params)
                    .query((rs, i) -> new Pair(rs.getString(1), rs.getString(2))).list());
        }
        return inserted;
    }

    @Override
    public Map<Pair, String> of(Collection<String> leadIds) {
        Map<Pair, String> out = new HashMap<>();
        jdbc.sql("SELECT lead_id, campaign_id, source_event_id FROM enrolment WHERE lead_id IN (:ids)")
                .param("ids", leadIds)
                .query((rs, i) -> out.put(new Pair(rs.getString(1), rs.getString(2)), rs.getString(3))).list();
        return out;
    }

    @Override
    public List<View> ofLead(String leadId) {
        return jdbc.sql("SELECT campaign_id, channel, status, status_reason, requested_at FROM enrolment "
                        + "WHERE lead_id = ? ORDER BY requested_at, campaign_id").param(leadId)
                .query((rs, i) -> new View(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    @Override
    public Optional<EnrolmentStatus> status(Pair pair) {
        return jdbc.sql("SELECT status FROM enrolment WHERE lead_id = ? AND campaign_id = ?")
                .params(pair.leadId(), pair.campaignId()).query(String.class).optional().map(EnrolmentStatus::valueOf);
    }

    @Override
    public void update(Pair pair, EnrolmentStatus status, String reason, String runId) {
        jdbc.sql("UPDATE enrolment SET status = ?, status_reason = COALESCE(?, status_reason), "
                        + "run_id = COALESCE(?, run_id) WHERE lead_id = ? AND campaign_id = ?")
                .params(status.name(), reason == null ? null : reason.substring(0, Math.min(512, reason.length())),
                        runId, pair.leadId(), pair.campaignId())
                .update();
    }

    @Override
    public Optional<Pair> ofRun(String runId) {
        return jdbc.sql("SELECT lead_id, campaign_id FROM enrolment WHERE run_id = ?").param(runId)
                .query((rs, i) -> new Pair(rs.getString(1), rs.getString(2))).optional();
    }
}
