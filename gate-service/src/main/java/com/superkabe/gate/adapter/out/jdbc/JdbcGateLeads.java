package com.superkabe.gate.adapter.out.jdbc;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.lead.RecipientEsp;
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
            + "status, attempts, health, esp";
    private record Update(String leadId, String campaignId, Status status, int attempts, Long nextTick) {
    }

    private record Admitted(GateLead lead, Update state) {
    }

    private final JdbcClient jdbc;
    private final TransactionBuffer<Update> updates;
    private final TransactionBuffer<Admitted> admissions = new TransactionBuffer<>(this::insert);

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
    public java.util.Set<String> known(List<Admission> admissions) {
        if (admissions.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT g.lead_id || '|' || g.campaign_id FROM gate_lead g "
                        + "JOIN unnest(?::text[], ?::text[]) AS u(l, c) ON g.lead_id = u.l AND g.campaign_id = u.c")
                .params(admissions.stream().map(a -> a.lead().leadId()).toArray(String[]::new),
                        admissions.stream().map(Admission::campaignId).toArray(String[]::new))
                .query(String.class).list());
    }

    @Override
    public void admit(GateLead lead, Status status, int attempts, Long nextTick) {
        admissions.add(new Admitted(lead, new Update(lead.lead().leadId(), lead.campaignId(), status, attempts, nextTick)));
    }

    private void insert(List<Admitted> pending) {
        java.util.function.Function<java.util.function.Function<Admitted, String>, String[]> column =
                f -> pending.stream().map(f).toArray(String[]::new);
        int inserted = jdbc.sql("INSERT INTO gate_lead(lead_id, campaign_id, org_id, email, first_name, last_name, company, "
                        + "title, status, attempts, next_tick, health, esp) SELECT * FROM unnest(?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], "
                        + "?::bigint[], ?::text[], ?::text[]) "
                        + "ON CONFLICT DO NOTHING")
                .params(column.apply(a -> a.lead().lead().leadId()), column.apply(a -> a.lead().campaignId()),
                        column.apply(a -> a.lead().orgId()), column.apply(a -> a.lead().lead().email()),
                        column.apply(a -> a.lead().lead().firstName()), column.apply(a -> a.lead().lead().lastName()),
                        column.apply(a -> a.lead().lead().company()), column.apply(a -> a.lead().lead().title()),
                        column.apply(a -> a.state().status().name()),
                        pending.stream().map(a -> a.state().attempts()).toArray(Integer[]::new),
                        pending.stream().map(a -> a.state().nextTick()).toArray(Long[]::new),
                        column.apply(a -> a.lead().lead().health()),
                        column.apply(a -> a.lead().lead().esp() == null ? null : a.lead().lead().esp().name()))
                .update();
        if (inserted != pending.size()) {
            // another transaction admitted one of these leads since known(): roll back, so that the
            // retry finds it known and skips it instead of publishing a second first decision
            throw new IllegalStateException((pending.size() - inserted) + " of " + pending.size()
                    + " leads were admitted concurrently; the batch is retried");
        }
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
    public java.util.Set<String> statesOfLead(String orgId, String leadId) {
        return new java.util.TreeSet<>(jdbc.sql("SELECT DISTINCT status FROM gate_lead WHERE org_id = ? AND lead_id = ?")
                .params(orgId, leadId).query(String.class).list());
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
        String esp = rs.getString(12);
        return new GateLead(rs.getString(1), rs.getString(2), new LeadSnapshot(rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(11),
                esp == null ? null : RecipientEsp.valueOf(esp)), Status.valueOf(rs.getString(9)), rs.getInt(10));
    }
}
