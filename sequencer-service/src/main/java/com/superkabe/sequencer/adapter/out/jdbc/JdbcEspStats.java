package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.sequencer.application.EspStats;
import com.superkabe.sequencer.domain.dispatch.EspRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-mailbox, per-ESP daily counters, one row per (mailbox, ESP, day), summed over the horizon on read. */
@Repository
class JdbcEspStats implements EspStats {

    private final JdbcClient jdbc;

    JdbcEspStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String mailboxId, RecipientEsp esp, long day, EspRecord d) {
        jdbc.sql("INSERT INTO mailbox_esp_day(mailbox_id, esp, day, delivered, replied, bounced, deferred) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, esp, day) DO UPDATE SET "
                        + "delivered = mailbox_esp_day.delivered + EXCLUDED.delivered, "
                        + "replied = mailbox_esp_day.replied + EXCLUDED.replied, "
                        + "bounced = mailbox_esp_day.bounced + EXCLUDED.bounced, "
                        + "deferred = mailbox_esp_day.deferred + EXCLUDED.deferred")
                .params(mailboxId, esp.name(), day, d.delivered(), d.replied(), d.bounced(), d.deferred()).update();
    }

    @Override
    public Map<String, EspRecord> since(Collection<String> mailboxIds, RecipientEsp esp, long fromDay) {
        Map<String, EspRecord> found = new HashMap<>();
        if (mailboxIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT mailbox_id, sum(delivered), sum(replied), sum(bounced), sum(deferred) FROM mailbox_esp_day "
                        + "WHERE mailbox_id = ANY(?) AND esp = ? AND day >= ? GROUP BY mailbox_id")
                .params(mailboxIds.toArray(String[]::new), esp.name(), fromDay)
                .query((rs, i) -> found.put(rs.getString(1), new EspRecord(rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)))).list();
        return found;
    }
}
