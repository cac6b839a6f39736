package com.superkabe.replypoller.adapter.out.jdbc;

import com.superkabe.replypoller.application.UnmatchedMessages;
import com.superkabe.replypoller.domain.InboxMessage;
import com.superkabe.replypoller.domain.MailContent;
import com.superkabe.replypoller.domain.MessageIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Kept messages as JSON: the threading headers and every top-level header, never a body. */
@Repository
class JdbcUnmatchedMessages implements UnmatchedMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Stored(String messageId, String inReplyTo, String references, String fromAddress,
                          String subject, Map<String, List<String>> headers) {
    }

    private final JdbcClient jdbc;

    JdbcUnmatchedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void keep(String mailboxId, Collection<InboxMessage> messages, Instant seenAt) {
        for (InboxMessage m : messages) {
            Optional<String> id = MessageIds.normalise(m.messageId());
            if (id.isEmpty()) {
                continue;
            }
            String json = JSON.writeValueAsString(new Stored(m.messageId(), m.inReplyTo(), m.references(),
                    m.fromAddress(), m.subject(), m.content().headers()));
            jdbc.sql("INSERT INTO unmatched_message(mailbox_id, message_id, message, first_seen) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (mailbox_id, message_id) DO NOTHING")
                    .params(mailboxId, id.get(), json, Timestamp.from(seenAt))
                    .update();
        }
    }

    @Override
    public List<InboxMessage> seenSince(String mailboxId, Instant since) {
        return jdbc.sql("SELECT message FROM unmatched_message WHERE mailbox_id = ? AND first_seen >= ? "
                        + "ORDER BY first_seen, message_id")
                .params(mailboxId, Timestamp.from(since))
                .query(String.class).list().stream()
                .map(json -> JSON.readValue(json, Stored.class))
                .map(s -> new InboxMessage(s.messageId(), s.inReplyTo(), s.references(), s.fromAddress(), s.subject(),
                        new MailContent(s.headers(), List.of())))
                .toList();
    }

    @Override
    public void forget(String mailboxId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM unmatched_message WHERE mailbox_id = :mailbox AND message_id IN (:ids)")
                .param("mailbox", mailboxId)
                .param("ids", messageIds)
                .update();
    }

    @Override
    public int forgetSeenBefore(Instant before) {
        return jdbc.sql("DELETE FROM unmatched_message WHERE first_seen < ?").param(Timestamp.from(before)).update();
    }
}
