package com.superkabe.replypoller.adapter.out.jdbc;

import com.superkabe.replypoller.application.SentMessages;
import com.superkabe.replypoller.domain.SentMessage;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSentMessages implements SentMessages {

    private final JdbcClient jdbc;

    JdbcSentMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(SentMessage s) {
        jdbc.sql("INSERT INTO sent_message(message_id, org_id, mailbox_id, send_id, run_id, lead_id, campaign_id, "
                        + "recipient) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING")
                .params(s.messageId(), s.orgId(), s.mailboxId(), s.sendId(), s.runId(), s.leadId(), s.campaignId(),
                        s.recipient())
                .update();
    }

    @Override
    public Map<String, SentMessage> findAll(Collection<String> ids) {
        return jdbc.sql("SELECT message_id, org_id, mailbox_id, send_id, run_id, lead_id, campaign_id, recipient "
                        + "FROM sent_message WHERE message_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new SentMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list().stream()
                .collect(Collectors.toMap(SentMessage::messageId, Function.identity()));
    }
}
