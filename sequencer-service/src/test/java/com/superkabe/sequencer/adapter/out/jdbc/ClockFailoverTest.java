package com.superkabe.sequencer.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.events.EventCodec;
import com.superkabe.events.Service;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.kit.jdbc.LeaseLostException;
import com.superkabe.kit.jdbc.Leases;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.JsonHeaders;
import com.superkabe.kit.outbox.Outbox;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sequencer.config.ClockProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two clock tickers on one real PostgreSQL (ADR 0051): exactly one writes; when the writer's connection dies
 * the other takes over within the lease's time to live and one renewal period, and the ticks written stay
 * consecutive — none skipped, none written twice; a fenced-off writer is refused. The lease is short here
 * (3 s, renewed every 0.5 s) so the test waits seconds, not the production 10 s; that the production timings
 * bound a takeover under the 30 s of wall time is checked from their defaults (ADR 0058).
 */
class ClockFailoverTest {

    static final String SCHEMA = "clock_failover";
    static final Duration TTL = Duration.ofSeconds(3);
    static final Duration EVERY = Duration.ofMillis(500);
    /** Scheduling and JDBC latency on a loaded two-core machine, beyond the lease's own bound. */
    static final Duration SLACK = Duration.ofSeconds(8);
    static final ClockProperties FAST = new ClockProperties(Duration.ofSeconds(60), Duration.ofMillis(200),
            Instant.parse("2026-01-01T00:00:00Z"), true);

    record Tick(long number, Instant writtenAt) {
    }

    static JdbcClient admin;

    @BeforeAll
    static void schema() {
        TestInfra.postgres();
        Flyway.configure().dataSource(plain()).schemas(SCHEMA).locations("classpath:db/kit", "classpath:db/sequencer")
                .load().migrate();
        admin = JdbcClient.create(plain());
    }

    @BeforeEach
    void fresh() {
        admin.sql("DELETE FROM outbox").update();
        admin.sql("DELETE FROM leases").update();
        admin.sql("UPDATE clock_source SET last_tick = 0").update();
    }

    static PGSimpleDataSource plain() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TestInfra.jdbcUrl());
        ds.setUser("postgres");
        ds.setPassword("postgres");
        ds.setCurrentSchema(SCHEMA);
        return ds;
    }

    static DataSource singleConnection(String name) {
        String url = TestInfra.jdbcUrl() + (TestInfra.jdbcUrl().contains("?") ? "&" : "?")
                + "currentSchema=" + SCHEMA + "&ApplicationName=" + name;
        return new SingleConnectionDataSource(url, "postgres", "postgres", true);
    }

    static ClockTicker ticker(DataSource ds, String instance) {
        JdbcClient jdbc = JdbcClient.create(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        Leases leases = new Leases(jdbc, tx, instance, TTL, EVERY);
        Outbox outbox = new Outbox(new JdbcTemplate(ds), new EventCodec(), () -> { });
        return new ClockTicker(jdbc, tx, outbox, new Envelopes(Service.SEQUENCER, Clock.systemUTC()), FAST,
                Clock.systemUTC(), leases.keeper("clock", new com.superkabe.kit.jdbc.LeaseKeeper.Job() {
                    @Override
                    public void acquired(long epoch) {
                    }

                    @Override
                    public void lost() {
                    }
                }));
    }

    static List<Tick> ticksWritten() {
        EventCodec codec = new EventCodec();
        return admin.sql("SELECT id, topic, headers, payload, created_at FROM outbox ORDER BY id")
                .query((rs, i) -> new Tick(((ClockTicked) codec.decode(new EventCodec.Origin(rs.getString(2), 0,
                        rs.getLong(1), 0L), JsonHeaders.read(rs.getString(3)), rs.getBytes(4)).payload()).tick(),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    static void await(java.util.function.BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void theProductionLeaseTimingsReplaceADeadClockWriterWellWithin30SecondsOfWallTime() {
        // given the kit's default lease timings, which the services run with
        com.superkabe.kit.config.KitProperties.Lease production = new com.superkabe.kit.config.KitProperties.Lease(null,
                null);

        // then a dead holder's lease runs out and a standby's next attempt takes it within ttl + renewEvery,
        // with the same slack this test allows its short lease, under 30 s
        assertThat(production.ttl().plus(production.renewEvery()).plus(SLACK)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void whenTheWritingTickersConnectionDiesTheOtherTakesOverWithinTheLeaseBoundAndNoTickIsSkippedOrWrittenTwice()
            throws Exception {
        // given ticker A writing the clock and ticker B standing by
        ClockTicker a = ticker(singleConnection("ticker-a"), "a");
        ClockTicker b = ticker(plain(), "b");
        a.start();
        await(a::writing, Duration.ofSeconds(10), "A takes the clock lease");
        b.start();
        await(() -> ticksWritten().size() >= 10, Duration.ofSeconds(30), "A ticks");
        assertThat(b.writing()).as("B stands by").isFalse();

        // when A's connection dies, as when its process is killed
        long killed = System.nanoTime();
        admin.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ticker-a'")
                .query().listOfRows();

        // then B writes the clock within the lease's time to live and a renewal period (plus slack)
        await(b::writing, TTL.plus(EVERY).plus(SLACK), "B takes over the clock");
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        int before = ticksWritten().size();
        await(() -> ticksWritten().size() >= before + 10, Duration.ofSeconds(30), "B ticks");
        b.stop();
        a.stop();

        // and the ticks are consecutive: none skipped, none written twice, the largest wall gap under 30 s
        List<Tick> ticks = ticksWritten();
        Duration largestGap = Duration.ZERO;
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).number()).as("tick after %s", ticks.get(i - 1).number())
                    .isEqualTo(ticks.get(i - 1).number() + 1);
            Duration gap = Duration.between(ticks.get(i - 1).writtenAt(), ticks.get(i).writtenAt());
            largestGap = gap.compareTo(largestGap) > 0 ? gap : largestGap;
        }
        assertThat(largestGap).isLessThan(Duration.ofSeconds(30));
        assertThat(admin.sql("SELECT last_tick FROM clock_source").query(Long.class).single())
                .isEqualTo(ticks.getLast().number());
        System.out.printf("clock failover: B writing %d ms after A's connection died; largest gap between ticks %d ms; "
                + "%d ticks%n", takeover.toMillis(), largestGap.toMillis(), ticks.size());
    }

    @Test
    void aTickerWhoseLeaseWasTakenOverCannotWriteALateTick() {
        // given ticker C held the clock lease, its tenure ran out and D took it over
        ClockTicker c = ticker(plain(), "c");
        ClockTicker d = ticker(plain(), "d");
        c.keeperRound();
        assertThat(c.tick()).isEqualTo(1);
        admin.sql("UPDATE leases SET expires_at = now() - interval '1 second'").update();
        d.keeperRound();

        // when C, unaware, writes a tick
        // then the statement that advances the tick refuses it and nothing is written
        assertThatThrownBy(c::tick).isInstanceOf(LeaseLostException.class);
        assertThat(admin.sql("SELECT last_tick FROM clock_source").query(Long.class).single()).isEqualTo(1);
        assertThat(d.tick()).isEqualTo(2);
        assertThat(ticksWritten()).extracting(Tick::number).containsExactly(1L, 2L);
    }
}
