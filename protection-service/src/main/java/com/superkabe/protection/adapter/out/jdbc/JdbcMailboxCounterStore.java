package com.superkabe.protection.adapter.out.jdbc;

import com.superkabe.protection.application.MailboxCounterStore;
import com.superkabe.protection.domain.MailboxCounters;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMailboxCounterStore implements MailboxCounterStore {

    private final JdbcClient jdbc;

    JdbcMailboxCounterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(String mailboxId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("mailbox:" + mailboxId).query().singleRow();
    }

    @Override
    public Optional<MailboxCounters> find(String mailboxId) {
        return jdbc.sql("SELECT mailbox_id, org_id, address, domain, registered, sends, bounces, failures "
                        + "FROM mailbox_counters WHERE mailbox_id = ?")
                .param(mailboxId)
                .query((rs, i) -> new MailboxCounters(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .optional();
    }

    @Override
    public void save(MailboxCounters c) {
        jdbc.sql("INSERT INTO mailbox_counters(mailbox_id, org_id, address, domain, registered, sends, bounces, failures) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id) DO UPDATE SET "
                        + "org_id = EXCLUDED.org_id, address = EXCLUDED.address, domain = EXCLUDED.domain, "
                        + "registered = EXCLUDED.registered, sends = EXCLUDED.sends, bounces = EXCLUDED.bounces, "
                        + "failures = EXCLUDED.failures, updated_at = now()")
                .params(c.mailboxId(), c.orgId(), c.address(), c.domain(), c.registered(), c.sends(), c.bounces(),
                        c.failures())
                .update();
    }
}
