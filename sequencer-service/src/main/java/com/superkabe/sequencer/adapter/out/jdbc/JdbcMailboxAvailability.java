package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.MailboxAvailability;
import com.superkabe.sequencer.application.MailboxStatus;
import com.superkabe.sequencer.domain.dispatch.MailboxLimits;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMailboxAvailability implements MailboxAvailability {

    private final JdbcClient jdbc;

    JdbcMailboxAvailability(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The unavailability start is set when the mailbox stops being able to send (protection or
     * credentials) and kept while it stays unable; cleared when it can send again.
     */
    private static final String UNAVAILABLE_SINCE = "unavailable_since = CASE "
            + "WHEN EXCLUDED.can_send AND EXCLUDED.connected THEN NULL "
            + "WHEN mailbox_availability.can_send AND mailbox_availability.connected THEN EXCLUDED.unavailable_since "
            + "ELSE coalesce(mailbox_availability.unavailable_since, EXCLUDED.unavailable_since) END";

    @Override
    public void set(String mailboxId, boolean canSend, long tick) {
        jdbc.sql("INSERT INTO mailbox_availability(mailbox_id, can_send, unavailable_since) VALUES (?, ?, ?) "
                        + "ON CONFLICT (mailbox_id) DO UPDATE SET can_send = EXCLUDED.can_send, "
                        + UNAVAILABLE_SINCE.replace("EXCLUDED.connected", "mailbox_availability.connected"))
                .params(mailboxId, canSend, canSend ? null : tick).update();
    }

    @Override
    public void setConnected(String mailboxId, boolean connected, long tick) {
        jdbc.sql("INSERT INTO mailbox_availability(mailbox_id, can_send, connected, unavailable_since) "
                        + "VALUES (?, TRUE, ?, ?) ON CONFLICT (mailbox_id) DO UPDATE SET connected = EXCLUDED.connected, "
                        + UNAVAILABLE_SINCE.replace("EXCLUDED.can_send", "mailbox_availability.can_send"))
                .params(mailboxId, connected, connected ? null : tick).update();
    }

    @Override
    public Map<String, MailboxStatus> status(Collection<String> mailboxIds) {
        Map<String, MailboxStatus> known = new HashMap<>();
        if (mailboxIds.isEmpty()) {
            return known;
        }
        jdbc.sql("SELECT mailbox_id, can_send, connected, unavailable_since, domain FROM mailbox_availability "
                        + "WHERE mailbox_id = ANY(?)")
                .param(mailboxIds.toArray(String[]::new))
                .query((rs, i) -> known.put(rs.getString(1), new MailboxStatus(rs.getBoolean(2), rs.getBoolean(3),
                        rs.getObject(4, Long.class), rs.getString(5)))).list();
        return known;
    }

    @Override
    public void register(String orgId, String mailboxId, Integer dailyLimit, String domain) {
        jdbc.sql("INSERT INTO mailbox_availability(mailbox_id, org_id, daily_limit, domain) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (mailbox_id) DO UPDATE SET "
                + "org_id = coalesce(mailbox_availability.org_id, EXCLUDED.org_id), "
                + "daily_limit = coalesce(EXCLUDED.daily_limit, mailbox_availability.daily_limit), "
                + "domain = coalesce(EXCLUDED.domain, mailbox_availability.domain)")
                .params(mailboxId, orgId, dailyLimit, domain == null ? null : domain.toLowerCase(java.util.Locale.ROOT))
                .update();
    }

    @Override
    public Map<String, String> owners(Collection<String> mailboxIds) {
        Map<String, String> owners = new HashMap<>();
        if (mailboxIds.isEmpty()) {
            return owners;
        }
        jdbc.sql("SELECT mailbox_id, org_id FROM mailbox_availability WHERE mailbox_id = ANY(?) AND org_id IS NOT NULL")
                .param(mailboxIds.toArray(String[]::new))
                .query((rs, i) -> owners.put(rs.getString(1), rs.getString(2))).list();
        return owners;
    }

    @Override
    public void setWarmupLimit(String mailboxId, Integer warmupLimit) {
        jdbc.sql("INSERT INTO mailbox_availability(mailbox_id, warmup_limit) VALUES (?, ?) "
                + "ON CONFLICT (mailbox_id) DO UPDATE SET warmup_limit = EXCLUDED.warmup_limit")
                .params(mailboxId, warmupLimit).update();
    }

    @Override
    public Map<String, MailboxLimits> limits(Collection<String> mailboxIds) {
        Map<String, MailboxLimits> known = new HashMap<>();
        if (mailboxIds.isEmpty()) {
            return known;
        }
        jdbc.sql("SELECT mailbox_id, daily_limit, warmup_limit FROM mailbox_availability "
                        + "WHERE mailbox_id = ANY(?) AND (daily_limit IS NOT NULL OR warmup_limit IS NOT NULL)")
                .param(mailboxIds.toArray(String[]::new))
                .query((rs, i) -> known.put(rs.getString(1), new MailboxLimits(
                        rs.getObject(2, Integer.class), rs.getObject(3, Integer.class))))
                .list();
        return known;
    }
}
