package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.MailboxAvailability;
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
}
