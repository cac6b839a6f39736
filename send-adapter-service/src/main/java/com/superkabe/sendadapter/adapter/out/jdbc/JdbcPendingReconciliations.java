package com.superkabe.sendadapter.adapter.out.jdbc;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.run.SendRequested;
import com.superkabe.sendadapter.application.PendingReconciliations;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPendingReconciliations implements PendingReconciliations {

    private final JdbcClient jdbc;
    private final EventCodec codec;

    JdbcPendingReconciliations(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    @Override
    public void add(Envelope cause, String messageId, String detail, Instant due) {
        SendRequested r = cause.payloadAs(SendRequested.class);
        jdbc.sql("INSERT INTO pending_reconciliation(send_id, mailbox_id, message_id, detail, due_at, cause_id, "
                        + "cause_source, cause_time, cause_correlation, cause_tick, request) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (send_id) DO NOTHING")
                .params(r.sendId(), r.mailboxId(), messageId, detail, Timestamp.from(due), cause.id(), cause.source(),
                        Timestamp.from(cause.time()), cause.correlationId(), cause.logicalTime(), codec.toJson(r))
                .update();
    }

    static final java.time.Duration CLAIM = java.time.Duration.ofMinutes(5);

    /**
     * Claims the due rows as it reads them (ADR 0053): their due time moves {@link #CLAIM} ahead in the same
     * statement, rows another replica is claiming are skipped, so two replicas never look up one send's
     * Sent folder at once; a replica that dies mid-check leaves the row due again after the claim.
     */
    @Override
    public List<Pending> due(Instant now, int limit) {
        return jdbc.sql("UPDATE pending_reconciliation SET due_at = ? WHERE send_id IN (SELECT send_id FROM "
                        + "pending_reconciliation WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                        + "RETURNING message_id, detail, checks, cause_id, cause_source, cause_time, cause_correlation, "
                        + "cause_tick, request, failed_lookups")
                .params(Timestamp.from(now.plus(CLAIM)), Timestamp.from(now), limit)
                .query((rs, i) -> {
                    SendRequested r = codec.fromJson(rs.getBytes(9), SendRequested.class);
                    Envelope cause = new Envelope(rs.getString(4), EventType.SEND_REQUESTED, rs.getString(5),
                            rs.getTimestamp(6).toInstant(), r.orgId(), null, rs.getString(7), rs.getLong(8), r);
                    return new Pending(cause, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(10));
                }).list();
    }

    @Override
    public void postpone(String sendId, int checks, int failedLookups, Instant due) {
        jdbc.sql("UPDATE pending_reconciliation SET checks = ?, failed_lookups = ?, due_at = ? WHERE send_id = ?")
                .params(checks, failedLookups, Timestamp.from(due), sendId).update();
    }

    @Override
    public boolean remove(String sendId) {
        return jdbc.sql("DELETE FROM pending_reconciliation WHERE send_id = ?").param(sendId).update() == 1;
    }
}
