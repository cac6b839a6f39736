package com.superkabe.protection.adapter.out.jdbc;

import com.superkabe.protection.application.MailboxList;
import com.superkabe.protection.application.Policies;
import com.superkabe.protection.application.ProtectionStore;
import com.superkabe.protection.domain.DomainState;
import com.superkabe.protection.domain.DomainStatus;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.MailboxStatus;
import com.superkabe.protection.domain.PolicyOverrides;
import com.superkabe.protection.domain.Transition;
import com.superkabe.protection.domain.Window;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProtectionStore implements ProtectionStore {

    private static final String MAILBOX_COLUMNS = "mailbox_id, org_id, address, domain, registered, status, "
            + "window_bytes, offences, relapses, cooldown_until, manual_review, phase_entered, clean_in_phase, "
            + "sends_in_phase, bounces_in_phase, cascade_from, domain_paused, last_dns_tick, last_dns_passed, sends, "
            + "bounces, failures, complaint_days";
    private static final String DOMAIN_COLUMNS = "org_id, domain, status, mailboxes, unhealthy, complaint_hold_until, "
            + "complaints_since";
    private static final String UNHEALTHY = "(COALESCE(cascade_from, status) = 'WARNING' "
            + "OR (status = 'PAUSED' AND cascade_from IS NULL))";

    private final JdbcClient jdbc;
    private final ObjectProvider<Policies> policies;

    JdbcProtectionStore(JdbcClient jdbc, ObjectProvider<Policies> policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    @Override
    public void lock(String key) {
        if (TxCache.current(this).locked.add(key)) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(key).query().singleRow();
        }
    }

    @Override
    public void lockAll(java.util.Collection<String> mailboxIds) {
        TxCache cache = TxCache.current(this);
        String[] ids = mailboxIds.stream().distinct().toArray(String[]::new);
        List<String> domains = jdbc.sql("SELECT DISTINCT 'domain:' || org_id || '/' || domain FROM mailbox_state "
                + "WHERE mailbox_id = ANY(?) AND registered AND domain IS NOT NULL").param(ids).query(String.class).list();
        // Domains before mailboxes, each sorted: the order every single-event path takes them in.
        for (String[] keys : List.of(domains.toArray(String[]::new),
                Arrays.stream(ids).map(id -> "mailbox:" + id).toArray(String[]::new))) {
            jdbc.sql("SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM (SELECT k FROM unnest(?::text[]) k "
                    + "ORDER BY k) s").param(keys).query(Long.class).single();
            cache.locked.addAll(Arrays.asList(keys));
        }
    }

    @Override
    public Optional<MailboxState> mailbox(String mailboxId) {
        return row(mailboxId).map(TxCache.Row::state);
    }

    private Optional<TxCache.Row> row(String mailboxId) {
        TxCache cache = TxCache.current(this);
        TxCache.Row known = cache.mailboxes.get(mailboxId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<TxCache.Row> row = jdbc.sql("SELECT " + MAILBOX_COLUMNS + ", warmup_limit FROM mailbox_state "
                + "WHERE mailbox_id = ?").param(mailboxId).query((rs, i) -> new TxCache.Row(mailboxRow(rs, i),
                rs.getInt(24))).optional();
        if (row.isPresent() && cache.holdsMailbox(mailboxId)) {
            cache.mailboxes.put(mailboxId, row.get());
        }
        return row;
    }

    private MailboxState mailboxRow(ResultSet rs, int i) throws SQLException {
        String org = rs.getString(2);
        int capacity = policies.getObject().policy(org).windowCapacity();
        String cascade = rs.getString(16);
        return new MailboxState(rs.getString(1), org, rs.getString(3), rs.getString(4), rs.getBoolean(5),
                MailboxStatus.valueOf(rs.getString(6)), Window.of(rs.getBytes(7), capacity), rs.getInt(8), rs.getInt(9),
                rs.getLong(10), rs.getBoolean(11), rs.getLong(12), rs.getInt(13), rs.getInt(14), rs.getInt(15),
                cascade == null ? null : MailboxStatus.valueOf(cascade), rs.getBoolean(17), rs.getLong(18),
                rs.getBoolean(19), rs.getLong(20), rs.getLong(21), rs.getLong(22), ComplaintDays.decode(rs.getBytes(23)));
    }

    @Override
    public int publishedLimit(String mailboxId) {
        return row(mailboxId).map(TxCache.Row::warmupLimit).orElse(-1);
    }

    @Override
    public void save(MailboxState s, int warmupLimit) {
        String esps = s.window().bouncesByEsp(s.window().capacity()).keySet().stream().map(Enum::name)
                .collect(Collectors.joining(","));
        jdbc.sql("INSERT INTO mailbox_state (" + MAILBOX_COLUMNS + ", window_esps, warmup_limit) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (mailbox_id) DO UPDATE SET org_id = EXCLUDED.org_id, "
                        + "address = EXCLUDED.address, domain = EXCLUDED.domain, registered = EXCLUDED.registered, "
                        + "status = EXCLUDED.status, window_bytes = EXCLUDED.window_bytes, "
                        + "offences = EXCLUDED.offences, relapses = EXCLUDED.relapses, "
                        + "cooldown_until = EXCLUDED.cooldown_until, manual_review = EXCLUDED.manual_review, "
                        + "phase_entered = EXCLUDED.phase_entered, clean_in_phase = EXCLUDED.clean_in_phase, "
                        + "sends_in_phase = EXCLUDED.sends_in_phase, bounces_in_phase = EXCLUDED.bounces_in_phase, "
                        + "cascade_from = EXCLUDED.cascade_from, domain_paused = EXCLUDED.domain_paused, "
                        + "last_dns_tick = EXCLUDED.last_dns_tick, last_dns_passed = EXCLUDED.last_dns_passed, "
                        + "sends = EXCLUDED.sends, bounces = EXCLUDED.bounces, failures = EXCLUDED.failures, "
                        + "complaint_days = EXCLUDED.complaint_days, "
                        + "window_esps = EXCLUDED.window_esps, warmup_limit = EXCLUDED.warmup_limit, "
                        + "updated_at = now()")
                .params(s.mailboxId(), s.orgId(), s.address(), s.domain(), s.registered(), s.status().name(),
                        s.window().toBytes(), s.offences(), s.relapses(), s.cooldownUntil(), s.manualReview(),
                        s.phaseEntered(), s.cleanInPhase(), s.sendsInPhase(), s.bouncesInPhase(),
                        s.cascadeFrom() == null ? null : s.cascadeFrom().name(), s.domainPaused(), s.lastDnsTick(),
                        s.lastDnsPassed(), s.sends(), s.bounces(), s.failures(), ComplaintDays.encode(s.complaints()), esps,
                        warmupLimit)
                .update();
        TxCache cache = TxCache.current(this);
        if (cache.holdsMailbox(s.mailboxId())) {
            cache.mailboxes.put(s.mailboxId(), new TxCache.Row(s, warmupLimit));
        } else {
            cache.mailboxes.remove(s.mailboxId());
        }
    }

    @Override
    public boolean firstCount(String mailboxId, String sendId) {
        return jdbc.sql("INSERT INTO counted_sends (mailbox_id, send_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(mailboxId, sendId).update() == 1;
    }

    @Override
    public List<String> mailboxesDueOnTick(long tick) {
        return jdbc.sql("SELECT mailbox_id FROM mailbox_state WHERE registered AND ((status = 'PAUSED' "
                        + "AND cascade_from IS NULL AND NOT manual_review AND cooldown_until <= ?) "
                        + "OR status IN ('QUARANTINE', 'WARM_RECOVERY', 'WARMING')) ORDER BY mailbox_id")
                .param(tick).query(String.class).list();
    }

    @Override
    public List<String> mailboxesOfDomain(String orgId, String domain) {
        return jdbc.sql("SELECT mailbox_id FROM mailbox_state WHERE org_id = ? AND domain = ? AND registered "
                + "ORDER BY mailbox_id").params(orgId, domain).query(String.class).list();
    }

    @Override
    public int[] domainCounts(String orgId, String domain) {
        return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE " + UNHEALTHY + ") FROM mailbox_state "
                        + "WHERE org_id = ? AND domain = ? AND registered").params(orgId, domain)
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    @Override
    public int[] siblings(String orgId, String domain, String exceptMailboxId) {
        return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE " + UNHEALTHY + ") FROM mailbox_state "
                        + "WHERE org_id = ? AND domain = ? AND registered AND mailbox_id <> ?")
                .params(orgId, domain, exceptMailboxId)
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    @Override
    public int mailboxesWithBouncesOn(String orgId, String esp, String exceptMailboxId) {
        return jdbc.sql("SELECT count(*) FROM mailbox_state WHERE org_id = ? AND mailbox_id <> ? "
                        + "AND position(? in window_esps) > 0").params(orgId, exceptMailboxId, esp)
                .query(Integer.class).single();
    }

    @Override
    public Optional<DomainState> domain(String orgId, String domain) {
        return jdbc.sql("SELECT " + DOMAIN_COLUMNS + " FROM domain_state "
                        + "WHERE org_id = ? AND domain = ?").params(orgId, domain).query(JdbcProtectionStore::domainRow)
                .optional();
    }

    private static DomainState domainRow(ResultSet rs, int i) throws SQLException {
        return new DomainState(rs.getString(1), rs.getString(2), DomainStatus.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getInt(5), rs.getLong(6), rs.getLong(7));
    }

    @Override
    public void save(DomainState d) {
        jdbc.sql("INSERT INTO domain_state (" + DOMAIN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (org_id, domain) DO UPDATE SET status = EXCLUDED.status, "
                        + "mailboxes = EXCLUDED.mailboxes, unhealthy = EXCLUDED.unhealthy, "
                        + "complaint_hold_until = EXCLUDED.complaint_hold_until, "
                        + "complaints_since = EXCLUDED.complaints_since, updated_at = now()")
                .params(d.orgId(), d.domain(), d.status().name(), d.mailboxes(), d.unhealthy(), d.complaintHoldUntil(),
                        d.complaintsSince()).update();
    }

    @Override
    public List<String[]> domainsHeldUntil(long tick) {
        return jdbc.sql("SELECT org_id, domain FROM domain_state WHERE status = 'PAUSED' AND complaint_hold_until >= 0 "
                        + "AND complaint_hold_until <= ? ORDER BY org_id, domain").param(tick)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    @Override
    public void audit(String orgId, Transition t, String mode, boolean enforced, String eventId) {
        jdbc.sql("INSERT INTO state_transitions (org_id, entity_type, entity_id, from_state, to_state, reason, "
                        + "triggered_by, actor, forced, warning, mode, enforced, logical_tick, event_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
                .params(orgId, t.entityType(), t.entityId(), t.from(), t.to(), t.reason(), t.trigger(), t.actor(),
                        t.forced(), t.warning(), mode, enforced, t.tick(), eventId).update();
    }

    @Override
    public List<AuditRow> transitions(String orgId, String entityType, String entityId) {
        return jdbc.sql("SELECT entity_type, entity_id, from_state, to_state, reason, triggered_by, actor, forced, "
                        + "warning, mode, enforced, logical_tick, wall_time FROM state_transitions WHERE org_id = ? "
                        + "AND entity_type = ? AND entity_id = ? ORDER BY id").params(orgId, entityType, entityId)
                .query((rs, i) -> new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
                        rs.getString(10), rs.getBoolean(11), rs.getLong(12), rs.getTimestamp(13).toInstant()))
                .list();
    }

    /**
     * The list's order: address (empty for a mailbox known only from an outcome), then mailbox id;
     * V14's indexes hold it per organization and per organization and state.
     */
    private static final String LIST_KEY = "COALESCE(address, '')";

    @Override
    public List<MailboxList.Row> mailboxes(MailboxList.Filter filter, Optional<MailboxList.Cursor> from,
                                           boolean backwards, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(filter, params);
        from.ifPresent(c -> {
            where.append(" AND (").append(LIST_KEY).append(", mailbox_id) ").append(backwards ? "<" : ">")
                    .append(" (?, ?)");
            params.add(c.address());
            params.add(c.mailboxId());
        });
        String direction = backwards ? " DESC" : "";
        params.add(limit);
        return jdbc.sql("SELECT " + MAILBOX_COLUMNS + ", warmup_limit, provider, (SELECT t.reason FROM "
                        + "state_transitions t WHERE t.org_id = m.org_id AND t.entity_type = 'mailbox' "
                        + "AND t.entity_id = m.mailbox_id ORDER BY t.id DESC LIMIT 1) FROM mailbox_state m" + where
                        + " ORDER BY " + LIST_KEY + direction + ", mailbox_id" + direction + " LIMIT ?")
                .params(params)
                .query((rs, i) -> new MailboxList.Row(mailboxRow(rs, i), rs.getString(25), rs.getInt(24),
                        rs.getString(26)))
                .list();
    }

    @Override
    public long countMailboxes(MailboxList.Filter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(filter, params);
        return jdbc.sql("SELECT count(*) FROM mailbox_state m" + where).params(params).query(Long.class).single();
    }

    /** Only the filter's present conditions, so each query's plan can use the index that fits it. */
    private static StringBuilder where(MailboxList.Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE org_id = ?");
        params.add(filter.orgId());
        filter.status().ifPresent(s -> {
            where.append(" AND status = ?");
            params.add(s.toUpperCase(Locale.ROOT));
        });
        filter.domain().ifPresent(d -> {
            where.append(" AND domain = ?");
            params.add(d.strip().toLowerCase(Locale.ROOT));
        });
        filter.provider().ifPresent(p -> {
            where.append(" AND provider = ?");
            params.add(p.strip().toUpperCase(Locale.ROOT));
        });
        return where;
    }

    @Override
    public MailboxList.Counts mailboxCounts(String orgId) {
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> byProvider = new TreeMap<>();
        long[] total = {0};
        jdbc.sql("SELECT status, provider, count(*) FROM mailbox_state WHERE org_id = ? GROUP BY status, provider")
                .param(orgId).query(rs -> {
                    long n = rs.getLong(3);
                    byState.merge(rs.getString(1), n, Long::sum);
                    if (rs.getString(2) != null) {
                        byProvider.merge(rs.getString(2), n, Long::sum);
                    }
                    total[0] += n;
                });
        return new MailboxList.Counts(total[0], byState, byProvider);
    }

    @Override
    public void saveProvider(String mailboxId, String provider) {
        jdbc.sql("UPDATE mailbox_state SET provider = ? WHERE mailbox_id = ?")
                .params(provider == null ? null : provider.strip().toUpperCase(Locale.ROOT), mailboxId).update();
    }

    @Override
    public List<DomainState> domains(String orgId, Optional<String> status, boolean worstFirst, int limit) {
        String order = worstFirst ? "CASE WHEN mailboxes > 0 THEN unhealthy::float8 / mailboxes ELSE 0 END DESC, domain"
                : "domain";
        return jdbc.sql("SELECT " + DOMAIN_COLUMNS + " FROM domain_state WHERE org_id = ? AND "
                        + "(CAST(? AS VARCHAR) IS NULL OR status = ?) ORDER BY " + order + " LIMIT ?")
                .params(orgId, upper(status), upper(status), limit).query(JdbcProtectionStore::domainRow).list();
    }

    @Override
    public long countDomains(String orgId, Optional<String> status) {
        return jdbc.sql("SELECT count(*) FROM domain_state WHERE org_id = ? AND (CAST(? AS VARCHAR) IS NULL "
                + "OR status = ?)").params(orgId, upper(status), upper(status)).query(Long.class).single();
    }

    private static String upper(Optional<String> s) {
        return s.map(v -> v.toUpperCase(Locale.ROOT)).orElse(null);
    }

    @Override
    public OrgSettings settings(String orgId) {
        return jdbc.sql("SELECT mode, manual_override, warning_bounces, warning_window, pause_bounces, pause_window, "
                        + "cooldown_ticks, warm_new_mailboxes, complaint_warning_per100k, complaint_pause_per100k, "
                        + "complaint_minimum_sends, complaint_window_days FROM org_settings WHERE org_id = ?")
                .param(orgId)
                .query((rs, i) -> new OrgSettings(rs.getString(1), rs.getBoolean(2), new PolicyOverrides(
                        (Integer) rs.getObject(3), (Integer) rs.getObject(4), (Integer) rs.getObject(5),
                        (Integer) rs.getObject(6), ticks(rs.getString(7)), (Boolean) rs.getObject(8),
                        percent((Integer) rs.getObject(9)), percent((Integer) rs.getObject(10)),
                        (Integer) rs.getObject(11), (Integer) rs.getObject(12))))
                .optional().orElse(new OrgSettings(null, false, PolicyOverrides.NONE));
    }

    private static java.math.BigDecimal percent(Integer per100k) {
        return per100k == null ? null : java.math.BigDecimal.valueOf(per100k, 3);
    }

    private static List<Long> ticks(String csv) {
        return csv == null ? null : Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
    }

    @Override
    public void savePolicy(String orgId, PolicyOverrides o) {
        String cooldowns = o.cooldownTicks() == null ? null
                : o.cooldownTicks().stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.sql("INSERT INTO org_settings (org_id, warning_bounces, warning_window, pause_bounces, pause_window, "
                        + "cooldown_ticks, warm_new_mailboxes, complaint_warning_per100k, complaint_pause_per100k, "
                        + "complaint_minimum_sends, complaint_window_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (org_id) DO "
                        + "UPDATE SET warning_bounces = EXCLUDED.warning_bounces, warning_window = "
                        + "EXCLUDED.warning_window, pause_bounces = EXCLUDED.pause_bounces, pause_window = "
                        + "EXCLUDED.pause_window, cooldown_ticks = EXCLUDED.cooldown_ticks, warm_new_mailboxes = "
                        + "EXCLUDED.warm_new_mailboxes, complaint_warning_per100k = EXCLUDED.complaint_warning_per100k, "
                        + "complaint_pause_per100k = EXCLUDED.complaint_pause_per100k, complaint_minimum_sends = "
                        + "EXCLUDED.complaint_minimum_sends, complaint_window_days = EXCLUDED.complaint_window_days")
                .params(orgId, o.warningBounces(), o.warningWindow(), o.pauseBounces(), o.pauseWindow(), cooldowns,
                        o.warmNewMailboxes(), PolicyOverrides.per100k(o.complaintWarningPercent()),
                        PolicyOverrides.per100k(o.complaintPausePercent()), o.complaintMinimumSends(),
                        o.complaintWindowDays()).update();
    }

    @Override
    public void auditPolicy(String orgId, PolicyChange c) {
        jdbc.sql("INSERT INTO policy_changes (org_id, actor, reason, before_json, after_json, logical_tick) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(orgId, c.actor(), c.reason(), c.before(), c.after(), c.tick())
                .update();
    }

    @Override
    public List<PolicyChange> policyChanges(String orgId) {
        return jdbc.sql("SELECT actor, reason, before_json, after_json, logical_tick, wall_time FROM policy_changes "
                        + "WHERE org_id = ? ORDER BY id").param(orgId)
                .query((rs, i) -> new PolicyChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant())).list();
    }

    @Override
    public void saveMode(String orgId, String mode) {
        jdbc.sql("INSERT INTO org_settings (org_id, mode) VALUES (?, ?) ON CONFLICT (org_id) DO UPDATE SET "
                + "mode = EXCLUDED.mode").params(orgId, mode).update();
    }

    @Override
    public long currentTick() {
        TxCache cache = TxCache.current(this);
        if (cache.tick == null) {
            cache.tick = jdbc.sql("SELECT tick FROM logical_clock WHERE id = 1").query(Long.class).optional()
                    .orElse(0L);
        }
        return cache.tick;
    }

    @Override
    public void saveTick(long tick) {
        jdbc.sql("INSERT INTO logical_clock (id, tick) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET "
                + "tick = GREATEST(logical_clock.tick, EXCLUDED.tick)").param(tick).update();
        TxCache.current(this).tick = null;
    }

    @Override
    public long nextOperatorRequest() {
        return jdbc.sql("SELECT nextval('operator_requests')").query(Long.class).single();
    }

    @Override
    public void recordDnsCheck(String orgId, String domain, long tick, String verdict, String detail) {
        jdbc.sql("INSERT INTO dns_checks (org_id, domain, tick, verdict, detail) VALUES (?, ?, ?, ?, ?)")
                .params(orgId, domain, tick, verdict, detail).update();
    }
}
