package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.sequencer.application.EspThrottles;
import com.superkabe.sequencer.domain.dispatch.EspThrottle;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEspThrottles implements EspThrottles {

    private final JdbcClient jdbc;
    private final int shards;

    JdbcEspThrottles(JdbcClient jdbc, @org.springframework.beans.factory.annotation.Value(
            "${superkabe.sequencer.shards:1}") int shards) {
        this.jdbc = jdbc;
        this.shards = shards;
    }

    @Override
    public Optional<EspThrottle> throttle(String mailboxId, RecipientEsp esp) {
        return jdbc.sql("SELECT level, hourly_limit, changed_tick FROM mailbox_esp_throttle WHERE mailbox_id = ? "
                        + "AND esp = ?").params(mailboxId, esp.name())
                .query((rs, i) -> new EspThrottle(rs.getInt(1), rs.getInt(2), rs.getLong(3))).optional();
    }

    @Override
    public void setThrottle(String orgId, String mailboxId, RecipientEsp esp, Optional<EspThrottle> throttle) {
        if (throttle.isEmpty()) {
            jdbc.sql("DELETE FROM mailbox_esp_throttle WHERE mailbox_id = ? AND esp = ?").params(mailboxId, esp.name())
                    .update();
            return;
        }
        EspThrottle t = throttle.get();
        jdbc.sql("INSERT INTO mailbox_esp_throttle(mailbox_id, esp, org_id, level, hourly_limit, changed_tick) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, esp) DO UPDATE SET level = EXCLUDED.level, "
                        + "hourly_limit = EXCLUDED.hourly_limit, changed_tick = EXCLUDED.changed_tick")
                .params(mailboxId, esp.name(), orgId, t.level(), t.hourlyLimit(), t.changedTick()).update();
    }

    @Override
    public List<Throttled> changedAtOrBefore(long tick) {
        return jdbc.sql("SELECT org_id, mailbox_id, esp, level, hourly_limit, changed_tick FROM mailbox_esp_throttle "
                        + "WHERE changed_tick <= ? ORDER BY mailbox_id COLLATE \"C\", esp COLLATE \"C\"").param(tick)
                .query((rs, i) -> new Throttled(rs.getString(1), rs.getString(2), RecipientEsp.valueOf(rs.getString(3)),
                        new EspThrottle(rs.getInt(4), rs.getInt(5), rs.getLong(6)))).list().stream()
                // the handling shard recovers only its own organizations' mailboxes (ADR 0065)
                .filter(t -> com.superkabe.sequencer.application.Shards.of(t.orgId(), shards)
                        == com.superkabe.sequencer.application.ShardScope.current()).toList();
    }

    @Override
    public Map<String, Map<RecipientEsp, EspThrottle>> throttles(Collection<String> mailboxIds) {
        Map<String, Map<RecipientEsp, EspThrottle>> found = new HashMap<>();
        if (mailboxIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT mailbox_id, esp, level, hourly_limit, changed_tick FROM mailbox_esp_throttle "
                        + "WHERE mailbox_id = ANY(?)").param(mailboxIds.toArray(String[]::new))
                .query((rs, i) -> found.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(RecipientEsp.class))
                        .put(RecipientEsp.valueOf(rs.getString(2)), new EspThrottle(rs.getInt(3), rs.getInt(4),
                                rs.getLong(5)))).list();
        return found;
    }
}
