package com.superkabe.gate.adapter.out.jdbc;

import com.superkabe.gate.application.HealthViews;
import com.superkabe.gate.domain.MailboxHealth;
import com.superkabe.gate.domain.RiskScore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcHealthViews implements HealthViews {

    private static final int HOUR_TICKS = 60;
    private static final int MAX_SEND_TICKS = 400;
    private final JdbcClient jdbc;

    JdbcHealthViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void registerMailbox(String mailboxId, String orgId, String domain, int dailyLimit) {
        jdbc.sql("INSERT INTO mailbox_view(mailbox_id, org_id, domain, daily_limit) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (mailbox_id) DO UPDATE SET org_id = EXCLUDED.org_id, domain = EXCLUDED.domain, "
                        + "daily_limit = EXCLUDED.daily_limit")
                .params(mailboxId, orgId, domain, dailyLimit).update();
    }

    @Override
    public void mailboxState(String mailboxId, String orgId, String domain, String state, String trigger) {
        jdbc.sql("INSERT INTO mailbox_view(mailbox_id, org_id, domain, state, trigger) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (mailbox_id) DO UPDATE SET state = EXCLUDED.state, trigger = EXCLUDED.trigger, "
                        + "org_id = COALESCE(mailbox_view.org_id, EXCLUDED.org_id), "
                        + "domain = COALESCE(mailbox_view.domain, EXCLUDED.domain)")
                .params(mailboxId, orgId, domain, state, trigger).update();
    }

    @Override
    public void domainState(String domain, String state) {
        jdbc.sql("INSERT INTO domain_view(domain, state) VALUES (?, ?) ON CONFLICT (domain) DO UPDATE SET state = EXCLUDED.state")
                .params(domain, state).update();
    }

    @Override
    public void outcome(String mailboxId, char outcome, long tick) {
        jdbc.sql("INSERT INTO mailbox_view(mailbox_id) VALUES (?) ON CONFLICT DO NOTHING").param(mailboxId).update();
        String ticks = jdbc.sql("SELECT send_ticks FROM mailbox_view WHERE mailbox_id = ? FOR UPDATE").param(mailboxId)
                .query(String.class).single();
        List<String> kept = ticks.isEmpty() ? new java.util.ArrayList<>() : new java.util.ArrayList<>(Arrays.asList(ticks.split(",")));
        kept.add(Long.toString(tick));
        if (kept.size() > MAX_SEND_TICKS) {
            kept = kept.subList(kept.size() - MAX_SEND_TICKS, kept.size());
        }
        jdbc.sql("UPDATE mailbox_view SET outcome_window = right(outcome_window || ?, " + RiskScore.WINDOW + "), "
                        + "send_ticks = ? WHERE mailbox_id = ?")
                .params(String.valueOf(outcome), String.join(",", kept), mailboxId).update();
    }

    @Override
    public Map<String, MailboxHealth> mailboxes(List<String> mailboxIds, long tick) {
        if (mailboxIds.isEmpty()) {
            return Map.of();
        }
        Map<String, MailboxHealth> result = new HashMap<>();
        jdbc.sql("SELECT m.mailbox_id, m.domain, m.state, m.trigger, m.outcome_window, m.send_ticks, m.daily_limit, "
                        + "(SELECT count(*) FROM mailbox_view w WHERE w.domain = m.domain AND w.state = 'warning') "
                        + "FROM mailbox_view m WHERE m.mailbox_id IN (:ids) AND m.domain IS NOT NULL")
                .param("ids", mailboxIds)
                .query((rs, i) -> {
                    String window = rs.getString(5);
                    RiskScore.Inputs risk = new RiskScore.Inputs(window.length(), count(window, 'B'),
                            count(window, 'B') + count(window, 'F'), sendsSince(rs.getString(6), tick - HOUR_TICKS + 1),
                            rs.getInt(7), rs.getInt(8));
                    result.put(rs.getString(1), new MailboxHealth(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), risk));
                    return null;
                }).list();
        return result;
    }

    @Override
    public Map<String, String> domainStates(List<String> domains) {
        if (domains.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT domain, state FROM domain_view WHERE domain IN (:d)").param("d", domains)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public Optional<String> mode(String orgId) {
        return jdbc.sql("SELECT mode FROM org_mode WHERE org_id = ?").param(orgId).query(String.class).optional();
    }

    @Override
    public void mode(String orgId, String mode) {
        jdbc.sql("INSERT INTO org_mode(org_id, mode) VALUES (?, ?) ON CONFLICT (org_id) DO UPDATE SET mode = EXCLUDED.mode")
                .params(orgId, mode).update();
    }

    @Override
    public long tick() {
        return jdbc.sql("SELECT tick FROM gate_clock WHERE id = 1").query(Long.class).single();
    }

    @Override
    public void advanceTo(long tick) {
        jdbc.sql("UPDATE gate_clock SET tick = ? WHERE id = 1").param(tick).update();
    }

    @Override
    public Optional<Long> watermark(String orgId) {
        return jdbc.sql("SELECT tick FROM protection_watermark WHERE org_id = ?").param(orgId).query(Long.class).optional();
    }

    @Override
    public void watermark(String orgId, long tick) {
        jdbc.sql("INSERT INTO protection_watermark(org_id, tick) VALUES (?, ?) ON CONFLICT (org_id) DO UPDATE "
                + "SET tick = GREATEST(protection_watermark.tick, EXCLUDED.tick)").params(orgId, tick).update();
    }

    @Override
    public List<String> campaignsWithMailbox(String mailboxId) {
        return jdbc.sql("SELECT campaign_id FROM campaign_view WHERE ',' || mailbox_ids || ',' LIKE ? ORDER BY campaign_id")
                .param("%," + mailboxId + ",%").query(String.class).list();
    }

    private static int count(String window, char c) {
        return (int) window.chars().filter(x -> x == c).count();
    }

    private static int sendsSince(String ticks, long fromTick) {
        if (ticks.isEmpty()) {
            return 0;
        }
        return (int) Arrays.stream(ticks.split(",")).mapToLong(Long::parseLong).filter(t -> t >= fromTick).count();
    }
}
