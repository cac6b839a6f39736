package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.SendLedger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSendLedger implements SendLedger {

    private final JdbcClient jdbc;

    JdbcSendLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Entry e) {
        jdbc.sql("INSERT INTO send_ledger(run_id, campaign_id, mailbox_id, tick, sent_at) VALUES (?, ?, ?, ?, ?)")
                .params(e.runId(), e.campaignId(), e.mailboxId(), e.tick(), Timestamp.from(e.at())).update();
    }

    @Override
    public int sentByMailbox(String mailboxId, Instant from, Instant to) {
        return jdbc.sql("SELECT count(*) FROM send_ledger WHERE mailbox_id = ? AND sent_at >= ? AND sent_at < ?")
                .params(mailboxId, Timestamp.from(from), Timestamp.from(to)).query(Integer.class).single();
    }

    @Override
    public int sentByCampaign(String campaignId, Instant from, Instant to) {
        return jdbc.sql("SELECT count(*) FROM send_ledger WHERE campaign_id = ? AND sent_at >= ? AND sent_at < ?")
                .params(campaignId, Timestamp.from(from), Timestamp.from(to)).query(Integer.class).single();
    }

    @Override
    public int sentByCampaignAndMailbox(String campaignId, String mailboxId, Instant from, Instant to) {
        return jdbc.sql("SELECT count(*) FROM send_ledger WHERE campaign_id = ? AND mailbox_id = ? "
                        + "AND sent_at >= ? AND sent_at < ?")
                .params(campaignId, mailboxId, Timestamp.from(from), Timestamp.from(to)).query(Integer.class).single();
    }

    @Override
    public Optional<Instant> lastSendAt(String mailboxId) {
        return jdbc.sql("SELECT max(sent_at) FROM send_ledger WHERE mailbox_id = ?").param(mailboxId)
                .query((rs, i) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }
}
