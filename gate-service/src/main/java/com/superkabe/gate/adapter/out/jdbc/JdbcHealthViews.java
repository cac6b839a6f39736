package com.superkabe.gate.adapter.out.jdbc;

import com.superkabe.gate.application.HealthViews;
import com.superkabe.gate.domain.MailboxHealth;
import com.superkabe.gate.domain.RiskScore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.superkabe.kit.jdbc.ReadCache;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcHealthViews implements HealthViews {

    private static final int HOUR_TICKS = 60;
    private static final int MAX_SEND_TICKS = 400;
    private static final Duration TTL = Duration.ofSeconds(1);

    /** A mailbox_view row as read, before its risk inputs are computed for a given tick. */
    private record Row(String mailboxId, String domain, String state, String trigger, String window, String sendTicks,
                       int dailyLimit, int domainWarnings) {
    }

    private final JdbcClient jdbc;
    /**
     * Mailbox rows and the clock are read once per transaction: a mailbox registered on another
     * replica re-decides held leads under the campaign lock, and a lead admitted after that must see
     * the row (ADR 0060). Domain states, modes and watermarks may be up to {@link #TTL} old across
     * replicas: no decision waits on them to be taken again, so an old one is the same as its event
     * arriving a second later.
     */
    private final TransactionReads<String, Row> rows = new TransactionReads<>();
    private final ReadCache<String, String> domains = new ReadCache<>(TTL, 100_000);
    private final ReadCache<String, String> modes = new ReadCache<>(TTL, 100_000);
    private final ReadCache<String, Long> watermarks = new ReadCache<>(TTL, 100_000);
    private final TransactionReads<String, Long> clock = new TransactionReads<>();

    JdbcHealthViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void registerMailbox(String mailboxId, String orgId, String domain, int dailyLimit) {
        rows.invalidate(mailboxId);
        jdbc.sql("INSERT INTO mailbox_view(mailbox_id, org_id, domain, daily_limit) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (mailbox_id) DO UPDATE SET org_id = EXCLUDED.org_id, domain = EXCLUDED.domain, "
                        + "daily_limit = EXCLUDED.daily_limit")
                .params(mailboxId, orgId, domain, dailyLimit).update();
    }

    @Override
    public void mailboxState(String mailboxId, String orgId, String domain, String state, String trigger) {
        rows.invalidate(mailboxId);
        jdbc.sql("INSERT INTO mailbox_view(mailbox_id, org_id, domain, state, trigger) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (mailbox_id) DO UPDATE SET state = EXCLUDED.state, trigger = EXCLUDED.trigger, "
                        + "org_id = COALESCE(mailbox_view.org_id, EXCLUDED.org_id), "
                        + "domain = COALESCE(mailbox_view.domain, EXCLUDED.domain)")
                .params(mailboxId, orgId, domain, state, trigger).update();
    }

    @Override
    public void domainState(String orgId, String domain, String state) {
        String key = orgId + "/" + domain;
        domains.invalidate(key);
        jdbc.sql("INSERT INTO domain_view(domain, state) VALUES (?, ?) ON CONFLICT (domain) DO UPDATE SET state = EXCLUDED.state")
                .params(key, state).update();
    }

    @Override
    public void resetWindow(String mailboxId) {
        rows.invalidate(mailboxId);
        jdbc.sql("UPDATE mailbox_view SET outcome_window = '' WHERE mailbox_id = ?").param(mailboxId).update();
    }

    @Override
    public void outcome(String mailboxId, char outcome, long tick) {
        rows.invalidate(mailboxId);
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
        Map<String, MailboxHealth> result = new HashMap<>();
        // loaded rows are used directly: outside a transaction nothing is kept, so peek misses them
        Map<String, Row> loaded = load(mailboxIds);
        for (String id : mailboxIds) {
            Optional.ofNullable(loaded.get(id)).or(() -> rows.peek(id).flatMap(row -> row))
                    .ifPresent(r -> result.put(id, health(r, tick)));
        }
        return result;
    }

    @Override
    public void prefetch(String orgId, java.util.Collection<String> mailboxIds) {
        Map<String, Row> read = load(mailboxIds);
        List<String> missing = mailboxIds.stream().distinct()
                .map(id -> Optional.ofNullable(read.get(id)).or(() -> rows.peek(id).flatMap(row -> row)))
                .flatMap(Optional::stream).map(Row::domain).distinct().map(d -> orgId + "/" + d)
                .filter(key -> domains.peek(key).isEmpty()).toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, Long> versions = new HashMap<>();
        missing.forEach(key -> versions.put(key, domains.version(key)));
        Map<String, String> loaded = new HashMap<>();
        jdbc.sql("SELECT domain, state FROM domain_view WHERE domain = ANY(?)").param(missing.toArray(String[]::new))
                .query((rs, i) -> loaded.put(rs.getString(1), rs.getString(2))).list();
        missing.forEach(key -> domains.put(key, Optional.ofNullable(loaded.get(key)), versions.get(key)));
    }

    /**
     * Loads into the cache, in one query, the rows of those mailboxes it lacks, each with the number
     * of its domain's mailboxes in warning (counted once per domain, not once per mailbox).
     */
    private Map<String, Row> load(java.util.Collection<String> mailboxIds) {
        List<String> missing = mailboxIds.stream().distinct().filter(id -> rows.peek(id).isEmpty()).toList();
        if (missing.isEmpty()) {
            return Map.of();
        }
        Map<String, Row> loaded = new HashMap<>();
        jdbc.sql("WITH m AS (SELECT mailbox_id, domain, state, trigger, outcome_window, send_ticks, daily_limit "
                        + "FROM mailbox_view WHERE mailbox_id = ANY(?) AND domain IS NOT NULL), "
                        + "w AS (SELECT domain, count(*) AS n FROM mailbox_view WHERE state = 'warning' "
                        + "AND domain IN (SELECT domain FROM m) GROUP BY domain) "
                        + "SELECT m.*, coalesce(w.n, 0) FROM m LEFT JOIN w ON w.domain = m.domain")
                .param(missing.toArray(String[]::new))
                .query((rs, i) -> loaded.put(rs.getString(1), new Row(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8))))
                .list();
        for (String id : missing) {
            rows.put(id, Optional.ofNullable(loaded.get(id)));
        }
        return loaded;
    }

    private static MailboxHealth health(Row r, long tick) {
        RiskScore.Inputs risk = new RiskScore.Inputs(r.window().length(), count(r.window(), 'B'),
                count(r.window(), 'B') + count(r.window(), 'F'), sendsSince(r.sendTicks(), tick - HOUR_TICKS + 1),
                r.dailyLimit(), r.domainWarnings());
        return new MailboxHealth(r.mailboxId(), r.domain(), r.state(), r.trigger(), risk);
    }

    @Override
    public Map<String, String> domainStates(String orgId, List<String> names) {
        Map<String, String> result = new HashMap<>();
        for (String d : names) {
            domains.get(orgId + "/" + d, key -> jdbc.sql("SELECT state FROM domain_view WHERE domain = ?").param(key)
                    .query(String.class).optional()).ifPresent(state -> result.put(d, state));
        }
        return result;
    }

    @Override
    public Optional<String> mode(String orgId) {
        return modes.get(orgId, key -> jdbc.sql("SELECT mode FROM org_mode WHERE org_id = ?").param(key)
                .query(String.class).optional());
    }

    @Override
    public void mode(String orgId, String mode) {
        modes.invalidate(orgId);
        jdbc.sql("INSERT INTO org_mode(org_id, mode) VALUES (?, ?) ON CONFLICT (org_id) DO UPDATE SET mode = EXCLUDED.mode")
                .params(orgId, mode).update();
    }

    @Override
    public long tick() {
        return clock.get("tick", key -> jdbc.sql("SELECT tick FROM gate_clock WHERE id = 1").query(Long.class)
                .optional()).orElse(0L);
    }

    @Override
    public boolean advanceTo(long tick) {
        clock.invalidate("tick");
        // the row lock orders tick handlers of two replicas (a rebalance may overlap them): the later
        // one waits, then finds the clock already there and handles nothing
        return jdbc.sql("UPDATE gate_clock SET tick = ? WHERE id = 1 AND tick < ?").params(tick, tick).update() == 1;
    }

    @Override
    public Optional<Long> watermark(String orgId) {
        return watermarks.get(orgId, key -> jdbc.sql("SELECT tick FROM protection_watermark WHERE org_id = ?")
                .param(key).query(Long.class).optional());
    }

    @Override
    public void watermark(String orgId, long tick) {
        watermarks.invalidate(orgId);
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
