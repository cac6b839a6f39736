package com.superkabe.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.kit.testing.TestInfra;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's batch idempotency check on a real PostgreSQL: what decides "first seen" is the insert,
 * so two replicas handling the same records at once (a rebalance overlap) handle each event once.
 */
class InboxFirstSightingsTest {

    static final String SCHEMA = "inbox_first_sightings";
    static PGSimpleDataSource ds;

    @BeforeAll
    static void schema() {
        TestInfra.postgres();
        ds = new PGSimpleDataSource();
        ds.setURL(TestInfra.jdbcUrl());
        ds.setUser("postgres");
        ds.setPassword("postgres");
        ds.setCurrentSchema(SCHEMA);
        Flyway.configure().dataSource(ds).schemas(SCHEMA).locations("classpath:db/kit").load().migrate();
    }

    static Inbox.Arrival arrival(String id) {
        ClockTicked tick = new ClockTicked(1, Instant.parse("2026-01-01T00:00:00Z"), 60);
        return new Inbox.Arrival(new Envelope(id, EventType.of(tick), "test", Instant.parse("2026-01-01T00:00:00Z"),
                null, null, id, 1, tick), "superkabe.clock", "clock", Map.of("ce_id", id), new byte[] {1});
    }

    @Test
    void aRepeatInsideTheBatchAndAnIdAlreadyRecordedAreNotFirstSightings() {
        Inbox inbox = new Inbox(JdbcClient.create(ds), true);
        inbox.firstSightings(List.of(arrival("seen-before")));

        boolean[] first = inbox.firstSightings(List.of(arrival("new-1"), arrival("seen-before"), arrival("new-1"),
                arrival("new-2")));

        assertThat(first).containsExactly(true, false, false, true);
    }

    @Test
    void whenTwoReplicasRecordTheSameBatchConcurrentlyOnlyOneSeesItFirst() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        Inbox inbox = new Inbox(JdbcClient.create(ds), true);
        List<Inbox.Arrival> batch = List.of(arrival("race-1"), arrival("race-2"));
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<boolean[]> replicaA = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
                boolean[] r = inbox.firstSightings(batch);
                firstRecorded.countDown();
                await(mayCommit);
                return r;
            }), replicas);
            assertThat(firstRecorded.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<boolean[]> replicaB = CompletableFuture.supplyAsync(
                    () -> tx.execute(status -> inbox.firstSightings(batch)), replicas);
            awaitALockWait(); // replica B meets A's uncommitted rows and waits for A's outcome
            mayCommit.countDown();

            assertThat(replicaA.get(30, TimeUnit.SECONDS)).containsExactly(true, true);
            assertThat(replicaB.get(30, TimeUnit.SECONDS)).containsExactly(false, false);
        } finally {
            mayCommit.countDown();
            replicas.shutdownNow();
        }
    }

    /** Until a session of this database waits on a lock (replica B's insert on A's rows). */
    private static void awaitALockWait() throws InterruptedException {
        JdbcClient observer = JdbcClient.create(ds);
        for (int i = 0; i < 300; i++) {
            if (observer.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                    .query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("replica B never waited on replica A's uncommitted rows");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
