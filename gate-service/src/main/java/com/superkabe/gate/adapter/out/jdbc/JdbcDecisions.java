package com.superkabe.gate.adapter.out.jdbc;

import com.superkabe.events.gate.CheckOutcome;
import com.superkabe.gate.application.Decisions;
import java.util.List;
import com.superkabe.kit.jdbc.TransactionBuffer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcDecisions implements Decisions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final TransactionBuffer<Decision> rows;

    JdbcDecisions(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.rows = new TransactionBuffer<>(pending -> template.batchUpdate("INSERT INTO gate_decision(org_id, lead_id, "
                + "campaign_id, tick, outcome, mode, failure_class, reason, is_retryable, is_deferrable, checks, warnings, "
                + "event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", pending, 500, (ps, d) -> {
                    ps.setString(1, d.orgId());
                    ps.setString(2, d.leadId());
                    ps.setString(3, d.campaignId());
                    ps.setLong(4, d.tick());
                    ps.setString(5, d.outcome());
                    ps.setString(6, d.mode());
                    ps.setString(7, d.failureClass());
                    ps.setString(8, d.reason());
                    ps.setObject(9, d.retryable());
                    ps.setObject(10, d.deferrable());
                    ps.setString(11, JSON.writeValueAsString(d.checks()));
                    ps.setString(12, JSON.writeValueAsString(d.warnings()));
                    ps.setString(13, d.eventId());
                }));
    }

    /** Buffered: written with the transaction's other decisions in one batch just before commit. */
    @Override
    public void record(Decision d) {
        rows.add(d);
    }

    @Override
    public List<Decision> ofLead(String orgId, String leadId) {
        return jdbc.sql("SELECT org_id, lead_id, campaign_id, tick, outcome, mode, failure_class, reason, is_retryable, "
                        + "is_deferrable, checks, warnings, event_id FROM gate_decision WHERE org_id = ? AND lead_id = ? "
                        + "ORDER BY seq")
                .params(orgId, leadId)
                .query((rs, i) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        (Boolean) rs.getObject(9), (Boolean) rs.getObject(10),
                        JSON.readValue(rs.getString(11), new TypeReference<List<CheckOutcome>>() {
                        }), JSON.readValue(rs.getString(12), new TypeReference<List<String>>() {
                        }), rs.getString(13)))
                .list();
    }
}
