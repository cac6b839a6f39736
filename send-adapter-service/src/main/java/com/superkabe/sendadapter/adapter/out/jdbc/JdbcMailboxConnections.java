package com.superkabe.sendadapter.adapter.out.jdbc;

import com.superkabe.sendadapter.application.MailboxConnections;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMailboxConnections implements MailboxConnections {

    private final JdbcClient jdbc;

    JdbcMailboxConnections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public State state(String mailboxId) {
        return jdbc.sql("SELECT connected, connection_reason, connection_generation FROM mailbox WHERE mailbox_id = ?")
                .param(mailboxId).query((rs, i) -> new State(rs.getBoolean(1), rs.getString(2), rs.getInt(3)))
                .optional().orElse(new State(true, null, 0));
    }

    @Override
    public Optional<State> disconnect(String mailboxId, String reason) {
        return change(mailboxId, false, reason);
    }

    @Override
    public Optional<State> reconnect(String mailboxId, String reason) {
        return change(mailboxId, true, reason);
    }

    private Optional<State> change(String mailboxId, boolean connected, String reason) {
        return jdbc.sql("UPDATE mailbox SET connected = ?, connection_reason = ?, connection_changed_at = now(), "
                        + "connection_generation = connection_generation + 1 WHERE mailbox_id = ? AND connected <> ? "
                        + "RETURNING connected, connection_reason, connection_generation")
                .params(connected, reason, mailboxId, connected)
                .query((rs, i) -> new State(rs.getBoolean(1), rs.getString(2), rs.getInt(3))).optional();
    }

    @Override
    public int disconnected() {
        return jdbc.sql("SELECT count(*) FROM mailbox WHERE NOT connected").query(Integer.class).single();
    }
}
