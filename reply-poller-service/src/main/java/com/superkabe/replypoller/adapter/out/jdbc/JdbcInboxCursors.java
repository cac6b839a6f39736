package com.superkabe.replypoller.adapter.out.jdbc;

import com.superkabe.replypoller.application.InboxCursors;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcInboxCursors implements InboxCursors {

    private final JdbcClient jdbc;

    JdbcInboxCursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> find(String mailboxId) {
        return jdbc.sql("SELECT position FROM inbox_cursor WHERE mailbox_id = ?").param(mailboxId)
                .query(String.class).optional();
    }

    @Override
    public void save(String mailboxId, String position) {
        jdbc.sql("INSERT INTO inbox_cursor(mailbox_id, position) VALUES (?, ?) ON CONFLICT (mailbox_id) "
                        + "DO UPDATE SET position = EXCLUDED.position, updated_at = now()")
                .params(mailboxId, position).update();
    }

    @Override
    public void forget(String mailboxId) {
        jdbc.sql("DELETE FROM inbox_cursor WHERE mailbox_id = ?").param(mailboxId).update();
    }
}
