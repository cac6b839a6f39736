package com.superkabe.kit.outbox;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.WireRecord;
import com.superkabe.kit.jdbc.TransactionBuffer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactional outbox: events are rows written in the same transaction as the state that
 * caused them, so a decision and its publication commit or roll back together. Rows are written
 * in one JDBC batch just before commit, in publication order; the relay is nudged after commit.
 */
public class Outbox implements EventSink {

    private final EventCodec codec;
    private final TransactionBuffer<WireRecord> rows;

    public Outbox(JdbcTemplate jdbc, EventCodec codec, Runnable nudge) {
        this.codec = codec;
        this.rows = new TransactionBuffer<>(pending -> jdbc.batchUpdate(
                "INSERT INTO outbox(topic, record_key, headers, payload) VALUES (?, ?, ?, ?)", pending, 500, (ps, w) -> {
                    ps.setString(1, w.topic());
                    ps.setString(2, w.key());
                    ps.setString(3, JsonHeaders.write(w.headers()));
                    ps.setBytes(4, w.value());
                }), nudge);
    }

    @Override
    public void publish(Envelope event) {
        rows.add(codec.encode(event));
    }
}
