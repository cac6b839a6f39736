package com.superkabe.kit.outbox;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.WireRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: events are rows written in the same transaction as the state that
 * caused them, so a decision and its publication commit or roll back together.
 */
public class Outbox implements EventSink {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final Runnable nudge;

    public Outbox(JdbcClient jdbc, EventCodec codec, Runnable nudge) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.nudge = nudge;
    }

    @Override
    public void publish(Envelope event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the deciding transaction; none is active");
        }
        WireRecord wire = codec.encode(event);
        jdbc.sql("INSERT INTO outbox(topic, record_key, headers, payload) VALUES (?, ?, ?, ?)")
                .params(wire.topic(), wire.key(), JsonHeaders.write(wire.headers()), wire.value())
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                nudge.run();
            }
        });
    }
}
