package com.superkabe.gate.adapter.out.jdbc;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.gate.application.GateLeads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import com.superkabe.kit.jdbc.TransactionBuffer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcGateLeads implements GateLeads {

    private static final String COLUMNS = "org_id, campaign_id, lead_id, email, first_name, last_name, company, title, "
            + "status, attempts";
    private record Update(String leadId, String campaignId, Status status, int attempts, Long nextTick) {
    }

    private final JdbcClient jdbc;
    private final TransactionBuffer<Update> updates;

    JdbcGateLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.updates = new TransactionBuffer<>(pending -> jdbc.sql("UPDATE gate_lead g SET status = u.s, attempts = u.a, "
                        + "next_tick = u.n FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::bigint[]) AS u(l, c, s, a, n) "
                        + "WHERE g.lead_id = u.l AND g.campaign_id = u.c")
                .params(pending.stream().map(Update::leadId).toArray(String[]::new),
                        pending.stream().map(Update::campaignId).toArray(String[]::new),
                        pending.stream().map(u -> u.status().name()).toArray(String[]::new),
                        pending.stream().map(Update::attempts).toArray(Integer[]::new),
                        pending.stream().map(Update::nextTick).toArray(Long[]::new))
                .update());
    }

    @Override
    public java.util.Set<String> admitAll(List<Admission> admissions) {
        if (admissions.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.function.Function<java.util.function.Function<Admission, String>, String[]> column =
                f -> admissions.stream().map(f).toArray(String[]::new);
        return new java.util.HashSet<>(jdbc.sql("INSERT INTO gate_lead(lead_id, campaign_id, org_id, email, first_name, "
                        + "last_name, company, title, status) SELECT l, c, o, e, f, n, co, t, 'HELD' FROM unnest(?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(l, c, o, e, f, n, "
                        + "co, t) ON CONFLICT DO NOTHING RETURNING lead_id || '|' || campaign_id")
                .params(column.apply(a -> a.lead().leadId()), column.apply(Admission::campaignId),
                        column.apply(Admission::orgId), column.apply(a -> a.lead().email()),
                        column.apply(a -> a.lead().firstName()), column.apply(a -> a.lead().lastName()),
                        column.apply(a -> a.lead().company()), column.apply(a -> a.lead().title()))
                .query(String.class).list());
    }

    @Override
    public Optional<GateLead> find(String leadId, String campaignId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM gate_lead WHERE lead_id = ? AND campaign_id = ?")
                .params(leadId, campaignId).query(JdbcGateLeads::map).optional();
    }

    @Override
    public List<GateLead> inCampaign(String campaignId, Status status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM gate_lead WHERE campaign_id = ? AND status = ? ORDER BY seq")
                .params(campaignId, status.name()).query(JdbcGateLeads::map).list();
    }

    @Override
    public List<GateLead> ofLead(String orgId, String leadId, Status status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM gate_lead WHERE org_id = ? AND lead_id = ? AND status = ? "
                        + "ORDER BY seq")
                .params(orgId, leadId, status.name()).query(JdbcGateLeads::map).list();
    }

    @Override
    public List<GateLead> dueRetries(long tick, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM gate_lead WHERE status = 'RETRYING' AND next_tick <= ? "
                        + "ORDER BY next_tick, seq LIMIT ?")
                .params(tick, limit).query(JdbcGateLeads::map).list();
    }

    /**
     * Buffered until just before commit. Safe because a transaction never re-reads a lead it has
     * updated: every handler decides each lead at most once.
     */
    @Override
    public void update(String leadId, String campaignId, Status status, int attempts, Long nextTick) {
        updates.add(new Update(leadId, campaignId, status, attempts, nextTick));
    }

    private static GateLead map(ResultSet rs, int i) throws SQLException {
        return new GateLead(rs.getString(1), rs.getString(2), new LeadSnapshot(rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                Status.valueOf(rs.getString(9)), rs.getInt(10));
    }
}
