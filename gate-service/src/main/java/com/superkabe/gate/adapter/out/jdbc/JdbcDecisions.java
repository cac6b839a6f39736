package com.superkabe.gate.adapter.out.jdbc;

import com.superkabe.events.gate.CheckOutcome;
import com.superkabe.gate.application.Decisions;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcDecisions implements Decisions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    JdbcDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Decision d) {
        jdbc.sql("INSERT INTO gate_decision(org_id, lead_id, campaign_id, tick, outcome, mode, failure_class, reason, "
                        + "is_retryable, is_deferrable, checks, warnings, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.orgId(), d.leadId(), d.campaignId(), d.tick(), d.outcome(), d.mode(), d.failureClass(),
                        d.reason(), d.retryable(), d.deferrable(), JSON.writeValueAsString(d.checks()),
                        JSON.writeValueAsString(d.warnings()), d.eventId())
                .update();
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
