package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.MailboxAvailability;
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

    @Override
    public void set(String mailboxId, boolean canSend) {
        jdbc.sql("INSERT INTO mailbox_availability(mailbox_id, can_send) VALUES (?, ?) "
                + "ON CONFLICT (mailbox_id) DO UPDATE SET can_send = EXCLUDED.can_send").params(mailboxId, canSend).update();
    }

    @Override
    public void register(String orgId, String mailboxId, Integer dailyLimit) {
        jdbc.sql("INSERT INTO mailbox_availability(mailbox_id, org_id, daily_limit) VALUES (?, ?, ?) "
                + "ON CONFLICT (mailbox_id) DO UPDATE SET "
                + "org_id = coalesce(mailbox_availability.org_id, EXCLUDED.org_id), "
                + "daily_limit = coalesce(EXCLUDED.daily_limit, mailbox_availability.daily_limit)")
                .params(mailboxId, orgId, dailyLimit).update();
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
