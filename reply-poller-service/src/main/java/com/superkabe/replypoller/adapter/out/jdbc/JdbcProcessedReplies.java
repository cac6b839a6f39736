package com.superkabe.replypoller.adapter.out.jdbc;

import com.superkabe.replypoller.application.ProcessedReplies;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProcessedReplies implements ProcessedReplies {

    private final JdbcClient jdbc;

    JdbcProcessedReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> processedAmong(String mailboxId, Collection<String> messageIds) {
        return new HashSet<>(jdbc.sql("SELECT message_id FROM processed_message WHERE mailbox_id = :mailbox "
                        + "AND message_id IN (:ids)")
                .param("mailbox", mailboxId)
                .param("ids", messageIds)
                .query(String.class).list());
    }

    @Override
    public boolean markProcessed(String mailboxId, String messageId, String replyId) {
        return jdbc.sql("INSERT INTO processed_message(mailbox_id, message_id, reply_id) VALUES (?, ?, ?) "
                        + "ON CONFLICT (mailbox_id, message_id) DO NOTHING")
                .params(mailboxId, messageId, replyId)
                .update() == 1;
    }
}
