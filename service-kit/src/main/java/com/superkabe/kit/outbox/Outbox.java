package com.superkabe.kit.outbox;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.WireRecord;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: events are rows written in the same transaction as the state that
 * caused them, so a decision and its publication commit or roll back together. Rows are buffered
 * per transaction and written in one JDBC batch just before commit, in publication order.
 */
public class Outbox implements EventSink {

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final Runnable nudge;

    public Outbox(JdbcTemplate jdbc, EventCodec codec, Runnable nudge) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.nudge = nudge;
    }

    @Override
    public void publish(Envelope event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the deciding transaction; none is active");
        }
        buffer().add(codec.encode(event));
    }

    private List<WireRecord> buffer() {
        @SuppressWarnings("unchecked")
        List<WireRecord> pending = (List<WireRecord>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<WireRecord> fresh = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new Flush(fresh));
            pending = fresh;
        }
        return pending;
    }

    private final class Flush implements TransactionSynchronization {
        private final List<WireRecord> pending;

        Flush(List<WireRecord> pending) {
            this.pending = pending;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            jdbc.batchUpdate("INSERT INTO outbox(topic, record_key, headers, payload) VALUES (?, ?, ?, ?)", pending,
                    500, (ps, w) -> {
                        ps.setString(1, w.topic());
                        ps.setString(2, w.key());
                        ps.setString(3, JsonHeaders.write(w.headers()));
                        ps.setBytes(4, w.value());
                    });
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
            if (status == STATUS_COMMITTED && !pending.isEmpty()) {
                nudge.run();
            }
        }
    }
}
