package com.superkabe.sendadapter.adapter.out.jdbc;

import com.superkabe.events.run.SendRequested;
import com.superkabe.sendadapter.application.SendAttempts;
import com.superkabe.sendadapter.domain.AttemptState;
import com.superkabe.sendadapter.domain.Delivery;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSendAttempts implements SendAttempts {

    private final JdbcClient jdbc;

    JdbcSendAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AttemptState> find(String sendId) {
        return jdbc.sql("SELECT state FROM send_attempt WHERE send_id = ? FOR UPDATE").param(sendId)
                .query(String.class).optional().map(AttemptState::valueOf);
    }

    @Override
    public void claim(SendRequested r, String messageId, AttemptState state) {
        jdbc.sql("INSERT INTO send_attempt(send_id, mailbox_id, state, message_id, org_id, run_id, campaign_id, "
                        + "lead_id, step, recipient) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.sendId(), r.mailboxId(), state.name(), messageId, r.orgId(), r.runId(), r.campaignId(),
                        r.leadId(), r.step(), r.toAddress()).update();
    }

    @Override
    public void settle(String sendId, AttemptState state, Delivery d) {
        jdbc.sql("UPDATE send_attempt SET state = ?, outcome = ?, smtp_code = ?, detail = ?, finished_at = now() "
                        + "WHERE send_id = ?")
                .params(state.name(), d.kind(), d.smtpCode(), d.detail(), sendId).update();
    }
}
