package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.sequencer.application.CampaignMailbox;
import com.superkabe.sequencer.application.RunViews;
import com.superkabe.sequencer.application.ShardScope;
import com.superkabe.sequencer.application.Shards;
import com.superkabe.sequencer.domain.RunStatus;
import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.Suppression;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The run read model. Run ids sort in code-point order (COLLATE "C"), as in the in-memory replay. */
@Repository
public class JdbcRunViews implements RunViews {

    private static final String COLUMNS = "run_id, org_id, campaign_id, lead_id, email, mailbox_id, status, "
            + "current_step, due_tick, in_flight, attempt, avoid_mailbox_id, avoid_since_tick, esp, yellow, pause_reason, "
            + "pause_cause, closed, campaign_version, held_by";
    /**
     * The due query; public so a test can check its plan: the keyset must be an index condition.
     * Parameters: shard, tick, after (shard, due tick, run id), blocked campaigns, mailboxes, pairs (two arrays), the
     * tick before which a mailbox must have become unable to send for its runs to be considered again
     * (to move them elsewhere), limit. A run without a mailbox yet is never held by a mailbox. The blocked
     * sets are anti-joined through hashed subplans, not {@code <> ALL(array)}: a tick can block a thousand
     * campaigns, and a per-row scan of the array made skipping their runs quadratic (ADR 0019, benchmark).
     */
    public static final String DUE_QUERY = "SELECT " + COLUMNS + " FROM run_view "
            + "WHERE status = 'ACTIVE' AND NOT in_flight AND shard = ? "
            + "AND due_tick <= ? AND (shard, due_tick, run_id COLLATE \"C\") > (?, ?, ? COLLATE \"C\") "
            + "AND campaign_id NOT IN (SELECT unnest(?::text[])) "
            + "AND coalesce(mailbox_id, '') NOT IN (SELECT unnest(?::text[])) "
            + "AND (campaign_id, coalesce(mailbox_id, '')) NOT IN (SELECT * FROM unnest(?::text[], ?::text[])) "
            + "AND coalesce(mailbox_id, '') NOT IN (SELECT mailbox_id FROM mailbox_availability "
            + "WHERE NOT (can_send AND connected) AND coalesce(unavailable_since, 0) > ?) "
            + "ORDER BY due_tick, run_id COLLATE \"C\" LIMIT ?";
    private final JdbcClient jdbc;
    private final int shards;

    JdbcRunViews(JdbcClient jdbc, @org.springframework.beans.factory.annotation.Value(
            "${superkabe.sequencer.shards:1}") int shards) {
        this.jdbc = jdbc;
        this.shards = shards;
    }

    public void upsert(RunView v) {
        jdbc.sql("INSERT INTO run_view(" + COLUMNS + ", email_key, shard) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO "
                        + "UPDATE SET status = EXCLUDED.status, current_step = EXCLUDED.current_step, "
                        + "due_tick = EXCLUDED.due_tick, in_flight = EXCLUDED.in_flight, mailbox_id = EXCLUDED.mailbox_id, "
                        + "attempt = EXCLUDED.attempt, avoid_mailbox_id = EXCLUDED.avoid_mailbox_id, "
                        + "avoid_since_tick = EXCLUDED.avoid_since_tick, pause_reason = EXCLUDED.pause_reason, "
                        + "pause_cause = EXCLUDED.pause_cause, closed = EXCLUDED.closed, held_by = EXCLUDED.held_by")
                .params(v.runId(), v.orgId(), v.campaignId(), v.leadId(), v.email(), v.mailboxId(), v.status().name(),
                        v.currentStep(), v.dueTick(), v.inFlight(), v.attempt(), v.avoidMailboxId(), v.avoidSinceTick(),
                        v.esp().name(), v.yellow(), v.pauseReason(), v.pauseCause(), v.closed(), v.campaignVersion(),
                        v.heldBy(), Suppression.key(v.email()), Shards.of(v.orgId(), shards))
                .update();
    }

    @Override
    public Optional<RunView> find(String runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM run_view WHERE run_id = ?").param(runId)
                .query(JdbcRunViews::map).optional();
    }

    /**
     * The keyset is a row comparison on exactly the columns and collation of index {@code run_view_shard_due}
     * (shard, due_tick, run_id COLLATE "C"), so it is an index condition; only the handling shard's runs
     * (ADR 0065). Blocked campaigns, mailboxes and
     * pairs are filtered out here, as {@code InMemoryRuns} does.
     */
    @Override
    public List<RunView> due(long tick, DueCursor after, Blocked blocked, long unavailableBefore, int limit) {
        long afterTick = after == null ? Long.MIN_VALUE : after.dueTick();
        String afterRun = after == null ? "" : after.runId();
        List<CampaignMailbox> pairs = List.copyOf(blocked.pairs());
        int shard = ShardScope.current();
        return jdbc.sql(DUE_QUERY)
                .params(shard, tick, shard, afterTick, afterRun, blocked.campaignIds().toArray(String[]::new),
                        blocked.mailboxIds().toArray(String[]::new),
                        pairs.stream().map(CampaignMailbox::campaignId).toArray(String[]::new),
                        pairs.stream().map(CampaignMailbox::mailboxId).toArray(String[]::new), unavailableBefore, limit)
                .query(JdbcRunViews::map).list();
    }

    @Override
    public List<RunView> byCampaign(String orgId, String campaignId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM run_view WHERE org_id = ? AND campaign_id = ? "
                        + "ORDER BY run_id COLLATE \"C\"")
                .params(orgId, campaignId).query(JdbcRunViews::map).list();
    }

    @Override
    public List<RunView> activeFor(String orgId, String addressKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM run_view WHERE org_id = ? AND email_key = ? "
                        + "AND status IN ('PENDING', 'ACTIVE', 'WAITING', 'PAUSED') ORDER BY run_id COLLATE \"C\"")
                .params(orgId, addressKey).query(JdbcRunViews::map).list();
    }

    private static RunView map(ResultSet rs, int i) throws SQLException {
        return new RunView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), RunStatus.valueOf(rs.getString(7)), rs.getInt(8), rs.getLong(9), rs.getBoolean(10),
                rs.getInt(11), rs.getString(12), rs.getLong(13), RecipientEsp.valueOf(rs.getString(14)), rs.getBoolean(15),
                rs.getString(16), rs.getString(17), rs.getBoolean(18), rs.getInt(19), rs.getString(20));
    }

    @Override
    public List<String> waitOver(long tick, int limit) {
        return jdbc.sql("SELECT run_id FROM run_view WHERE status = 'WAITING' AND shard = ? AND due_tick <= ? "
                        + "ORDER BY due_tick, run_id COLLATE \"C\" LIMIT ?")
                .params(ShardScope.current(), tick, limit).query(String.class).list();
    }

    @Override
    public List<String> pending(String campaignId) {
        return jdbc.sql("SELECT run_id FROM run_view WHERE campaign_id = ? AND status = 'PENDING' "
                        + "ORDER BY run_id COLLATE \"C\"").param(campaignId).query(String.class).list();
    }

    @Override
    public List<RunView> byLead(String orgId, String leadId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM run_view WHERE org_id = ? AND lead_id = ? "
                        + "ORDER BY run_id COLLATE \"C\"").params(orgId, leadId).query(JdbcRunViews::map).list();
    }

    @Override
    public List<String> campaignsToComplete(long quietSinceTick) {
        return jdbc.sql("SELECT c.campaign_id FROM campaign c WHERE c.status = 'ACTIVE' "
                        + "AND c.campaign_id NOT IN (SELECT campaign_id FROM campaign_dispatch_pause) "
                        + "AND EXISTS (SELECT 1 FROM run_view r WHERE r.campaign_id = c.campaign_id AND r.shard = ?) "
                        + "AND NOT EXISTS (SELECT 1 FROM run_view r WHERE r.campaign_id = c.campaign_id "
                        + "AND r.status IN ('PENDING', 'ACTIVE', 'WAITING', 'PAUSED')) "
                        + "AND NOT EXISTS (SELECT 1 FROM run_transition t JOIN run_view r ON r.run_id = t.run_id "
                        + "WHERE r.campaign_id = c.campaign_id AND t.tick > ?) "
                        + "ORDER BY c.campaign_id COLLATE \"C\"").params(ShardScope.current(), quietSinceTick).query(String.class).list();
    }
}
