package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.Campaigns;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Campaign definitions, cached once read: a definition never changes after it is inserted but for its
 * status, whose change evicts it (the dispatcher reads every due campaign on every tick; ADR 0019).
 * The sequencer is the only writer (ADR 0006).
 */
@Repository
class JdbcCampaigns implements Campaigns {

    private final JdbcClient jdbc;
    private final java.util.concurrent.ConcurrentMap<String, CampaignDef> cache =
            new java.util.concurrent.ConcurrentHashMap<>();

    JdbcCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void forgetCached() {
        cache.clear();
    }

    @Override
    public void insert(CampaignDef c) {
        CampaignRules r = c.rules();
        SendWindow w = r.window();
        jdbc.sql("INSERT INTO campaign(campaign_id, org_id, name, status, mailbox_ids, schedule_timezone, "
                        + "schedule_start_time, schedule_end_time, schedule_days, daily_limit, send_gap_minutes, "
                        + "reassign_after_ticks, eu_compliance_mode, policy_actions) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.campaignId(), c.orgId(), c.name(), c.status(), String.join(",", c.mailboxIds()),
                        w.zone().getId(), w.start(), w.end(),
                        w.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")),
                        r.dailyLimit(), r.sendGapMinutes(), r.reassignAfterTicks(), r.euComplianceMode(),
                        StepsJson.policies(r.policies()))
                .update();
        for (int i = 0; i < c.steps().size(); i++) {
            StepTemplate s = c.steps().get(i);
            jdbc.sql("INSERT INTO campaign_step(campaign_id, step_no, subject, body, delay_ticks, condition) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(c.campaignId(), i, s.subject(), s.body(), s.delayTicks(),
                            s.condition() == null ? null : s.condition().text()).update();
            for (int v = 0; v < s.variants().size(); v++) {
                StepTemplate.Variant variant = s.variants().get(v);
                jdbc.sql("INSERT INTO campaign_step_variant(campaign_id, step_no, variant_no, subject, body, weight) "
                                + "VALUES (?, ?, ?, ?, ?, ?)")
                        .params(c.campaignId(), i, v, variant.subject(), variant.body(), variant.weight()).update();
            }
        }
        r.mailboxDailyLimits().forEach((mailbox, limit) -> jdbc.sql("INSERT INTO campaign_mailbox_limit(campaign_id, "
                + "mailbox_id, daily_limit) VALUES (?, ?, ?)").params(c.campaignId(), mailbox, limit).update());
    }

    @Override
    public Optional<CampaignDef> find(String campaignId) {
        CampaignDef cached = cache.get(campaignId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CampaignDef> found = load(campaignId);
        found.ifPresent(c -> cache.put(campaignId, c));
        return found;
    }

    private Optional<CampaignDef> load(String campaignId) {
        Map<Integer, List<StepTemplate.Variant>> variants = new HashMap<>();
        jdbc.sql("SELECT step_no, subject, body, weight FROM campaign_step_variant WHERE campaign_id = ? "
                        + "ORDER BY step_no, variant_no")
                .param(campaignId)
                .query((rs, i) -> variants.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new StepTemplate.Variant(rs.getString(2), rs.getString(3), rs.getInt(4)))).list();
        List<StepTemplate> steps = jdbc.sql("SELECT subject, body, delay_ticks, step_no, condition FROM campaign_step "
                        + "WHERE campaign_id = ? ORDER BY step_no")
                .param(campaignId)
                .query((rs, i) -> new StepTemplate(rs.getString(1), rs.getString(2), rs.getLong(3),
                        variants.getOrDefault(rs.getInt(4), List.of()), rs.getString(5) == null ? null
                        : com.superkabe.sequencer.domain.StepCondition.parse(rs.getString(5), rs.getInt(4)))).list();
        Map<Integer, List<StepTemplate>> versions = new HashMap<>();
        jdbc.sql("SELECT version, steps_json FROM campaign_version WHERE campaign_id = ? ORDER BY version")
                .param(campaignId).query((rs, i) -> versions.put(rs.getInt(1), StepsJson.read(rs.getString(2)))).list();
        Map<String, Integer> mailboxLimits = new LinkedHashMap<>();
        jdbc.sql("SELECT mailbox_id, daily_limit FROM campaign_mailbox_limit WHERE campaign_id = ?").param(campaignId)
                .query((rs, i) -> mailboxLimits.put(rs.getString(1), rs.getInt(2))).list();
        return jdbc.sql("SELECT org_id, campaign_id, name, status, mailbox_ids, schedule_timezone, schedule_start_time, "
                        + "schedule_end_time, schedule_days, daily_limit, send_gap_minutes, reassign_after_ticks, "
                        + "eu_compliance_mode, policy_actions, enrol_version FROM campaign "
                        + "WHERE campaign_id = ?")
                .param(campaignId)
                .query((rs, i) -> new CampaignDef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Arrays.asList(rs.getString(5).split(",")), steps,
                        new CampaignRules(window(rs), rs.getObject(10, Integer.class), mailboxLimits, rs.getInt(11),
                                rs.getLong(12), rs.getBoolean(13), StepsJson.policies(rs.getString(14))), versions,
                        rs.getInt(15)))
                .optional();
    }

    @Override
    public Optional<StatusChange> changeStatus(String campaignId, String status) {
        return jdbc.sql("SELECT status, status_version FROM campaign WHERE campaign_id = ? FOR UPDATE")
                .param(campaignId)
                .query((rs, i) -> new StatusChange(rs.getString(1), rs.getInt(2) + 1)).optional()
                .map(change -> {
                    jdbc.sql("UPDATE campaign SET status = ?, status_version = ? WHERE campaign_id = ?")
                            .params(status, change.version(), campaignId).update();
                    cache.remove(campaignId); // re-read after this transaction, whether it commits or not
                    registerEviction(campaignId);
                    return change;
                });
    }

    /** A rolled-back status change must not leave its status in the cache: evict again after completion. */
    private void registerEviction(String campaignId) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            cache.remove(campaignId);
                        }
                    });
        }
    }

    @Override
    public int addVersion(String campaignId, List<StepTemplate> steps) {
        int version = jdbc.sql("UPDATE campaign SET latest_version = latest_version + 1 WHERE campaign_id = ? "
                + "RETURNING latest_version").param(campaignId).query(Integer.class).single();
        jdbc.sql("INSERT INTO campaign_version(campaign_id, version, steps_json) VALUES (?, ?, ?)")
                .params(campaignId, version, StepsJson.write(steps)).update();
        cache.remove(campaignId);
        registerEviction(campaignId);
        return version;
    }

    @Override
    public void setEnrolVersion(String campaignId, int version) {
        jdbc.sql("UPDATE campaign SET enrol_version = ? WHERE campaign_id = ? AND (? = 1 OR EXISTS "
                + "(SELECT 1 FROM campaign_version v WHERE v.campaign_id = ? AND v.version = ?))")
                .params(version, campaignId, version, campaignId, version).update();
        cache.remove(campaignId);
        registerEviction(campaignId);
    }

    @Override
    public void setDispatchPaused(String campaignId, boolean paused) {
        jdbc.sql(paused ? "INSERT INTO campaign_dispatch_pause(campaign_id) VALUES (?) ON CONFLICT DO NOTHING"
                : "DELETE FROM campaign_dispatch_pause WHERE campaign_id = ?").param(campaignId).update();
    }

    @Override
    public Set<String> dispatchPaused() {
        return Set.copyOf(jdbc.sql("SELECT campaign_id FROM campaign_dispatch_pause").query(String.class).list());
    }

    private static SendWindow window(ResultSet rs) throws SQLException {
        String zone = rs.getString(6);
        if (zone == null) {
            return SendWindow.ALWAYS;
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(rs.getString(9).split(",")).map(DayOfWeek::valueOf).forEach(days::add);
        return new SendWindow(ZoneId.of(zone), rs.getObject(7, LocalTime.class),
                rs.getObject(8, LocalTime.class), days);
    }
}
