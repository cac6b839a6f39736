package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.WireRecord;
import com.superkabe.ingestion.application.BatchEvents;
import com.superkabe.kit.outbox.JsonHeaders;
import com.superkabe.kit.outbox.OutboxRelay;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The kit's transactional outbox, written many rows per statement: same table, same encoding, same
 * relay (nudged after commit), so the wire format and ordering guarantees are the kit's.
 */
@Repository
class JdbcBatchEvents implements BatchEvents {

    private static final int CHUNK = 2000;
    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final ObjectProvider<OutboxRelay> relay;

    JdbcBatchEvents(JdbcClient jdbc, EventCodec codec, ObjectProvider<OutboxRelay> relay) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.relay = relay;
    }

    @Override
    public void publishAll(List<Envelope> events) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("publishAll needs the deciding transaction; none is active");
        }
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<Envelope> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("INSERT INTO outbox(topic, record_key, headers, payload) VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * 4);
            for (int i = 0; i < chunk.size(); i++) {
                WireRecord wire = codec.encode(chunk.get(i));
                sql.append(i == 0 ? "(?,?,?,?)" : ",(?,?,?,?)");
                params.add(wire.topic());
                params.add(wire.key());
                params.add(JsonHeaders.write(wire.headers()));
                params.add(wire.value());
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.getObject().nudge();
            }
        });
    }
}
