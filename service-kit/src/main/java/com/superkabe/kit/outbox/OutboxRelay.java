package com.superkabe.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import com.superkabe.kit.jdbc.Lease;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to Kafka in id order and deletes them once the broker acknowledged
 * every one: at-least-once, in order per key; consumers dedupe by event id. With several replicas of a
 * service on one database, only the holder of the service's {@code outbox} {@link Lease} relays, and
 * every batch is fenced by it (ADR 0050): two relays never publish at once, so per-key order holds. A
 * holder that dies mid-batch leaves its rows for the next holder, which publishes them again; a copy the
 * dead holder's producer still delivers late is a duplicate of an event already published in order,
 * which consumers skip by event id. The standby checks the lease every {@code leaseEvery}. The backlog (rows
 * not yet relayed) is counted by the relay's own thread, at most once per {@link #BACKLOG_EVERY}, and
 * published as a gauge: a scrape never waits for the database.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private record Row(long id, String topic, String key, String headers, byte[] payload) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration pollInterval;
    private final int batchSize;
    static final Duration BACKLOG_EVERY = Duration.ofSeconds(2);

    private final Lease lease;
    private final long leaseEveryNanos;
    private long leaseCheckedAt = Long.MIN_VALUE;
    private final Counter published;
    private final AtomicLong backlog = new AtomicLong();
    private long backlogCountedAt = Long.MIN_VALUE;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, byte[]> kafka,
                       Duration pollInterval, int batchSize, Lease lease, Duration leaseEvery, MeterRegistry meters) {
        this.lease = lease;
        this.leaseEveryNanos = leaseEvery.toNanos();
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.published = Counter.builder("superkabe_outbox_published").description("Events relayed to Kafka")
                .register(meters);
        com.superkabe.kit.jdbc.Leases.held(meters, lease.name(), lease::held);
        Gauge.builder("superkabe_outbox_backlog", backlog, AtomicLong::get)
                .description("Outbox rows committed but not yet relayed to Kafka, as last counted").register(meters);
    }

    /** Called after a commit that wrote outbox rows, so they leave without waiting for the next poll. */
    public void nudge() {
        wake.release();
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("Outbox lease not released; it expires on its own: {}", e.toString());
        }
    }

    /** Whether this replica holds the outbox lease (as it last saw it). */
    public boolean active() {
        return lease.held();
    }

    /** Whether this replica relays now: renews or tries the lease when it last did so {@code leaseEvery} ago. */
    boolean holdsLease() {
        long now = System.nanoTime();
        if (leaseCheckedAt == Long.MIN_VALUE || now - leaseCheckedAt >= leaseEveryNanos) {
            leaseCheckedAt = now;
            boolean before = lease.held();
            boolean after;
            try {
                after = lease.acquireOrRenew();
            } catch (RuntimeException e) {
                after = lease.held();
                log.warn("Outbox lease not renewed: {}", e.toString());
            }
            if (after != before) {
                log.info("Outbox relay {} on {}", after ? "active" : "standing by", lease.holder());
            }
        }
        return lease.held();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (!holdsLease()) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                    continue;
                }
                int n = relayBatch();
                countBacklogWhenDue();
                if (n < batchSize) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (com.superkabe.kit.jdbc.LeaseLostException e) {
                log.warn("Outbox relay fenced off: {}", e.getMessage());
                leaseCheckedAt = Long.MIN_VALUE;
            } catch (RuntimeException e) {
                log.warn("Outbox relay failed; retrying after {}: {}", pollInterval, e.toString());
                sleepQuietly();
            }
        }
    }

    /** Publishes one batch, fenced by the lease; returns how many rows it relayed. */
    public int relayBatch() {
        Integer n = tx.execute(status -> {
            lease.fence();
            List<Row> rows = jdbc.sql("SELECT id, topic, record_key, headers, payload FROM outbox ORDER BY id "
                            + "LIMIT ?")
                    .param(batchSize)
                    .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBytes(5)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ProducerRecord<String, byte[]> rec = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                for (Map.Entry<String, String> h : JsonHeaders.read(row.headers()).entrySet()) {
                    rec.headers().add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
                }
                acks.add(kafka.send(rec));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            jdbc.sql("DELETE FROM outbox WHERE id IN (:ids)").param("ids", rows.stream().map(Row::id).toList())
                    .update();
            return rows.size();
        });
        int count = n == null ? 0 : n;
        if (count > 0) {
            log.debug("relayed {} event(s)", count);
        }
        published.increment(count);
        return count;
    }

    /** Counts the outbox rows left, unless it did so less than {@link #BACKLOG_EVERY} ago. */
    void countBacklogWhenDue() {
        long now = System.nanoTime();
        if (backlogCountedAt != Long.MIN_VALUE && now - backlogCountedAt < BACKLOG_EVERY.toNanos()) {
            return;
        }
        backlogCountedAt = now;
        backlog.set(countBacklog());
    }

    /** The rows waiting in the outbox now (also while another replica holds the lease). */
    public long countBacklog() {
        Long rows = jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
        return rows == null ? 0 : rows;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
