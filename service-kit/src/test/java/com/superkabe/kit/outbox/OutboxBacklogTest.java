package com.superkabe.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.kit.testing.TestInfra;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox backlog gauge on a real PostgreSQL with the kit's own migration. */
class OutboxBacklogTest {

    static JdbcClient jdbc;

    @BeforeAll
    static void schema() {
        TestInfra.postgres();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TestInfra.jdbcUrl());
        ds.setUser("postgres");
        ds.setPassword("postgres");
        ds.setCurrentSchema("kit_backlog");
        Flyway.configure().dataSource(ds).schemas("kit_backlog").locations("classpath:db/kit").load().migrate();
        jdbc = JdbcClient.create(ds);
    }

    @Test
    void theGaugeShowsTheRowsNotYetRelayedAndIsRecountedOnlyWhenDue() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(jdbc, null, null, Duration.ofMillis(50), 10,
                new com.superkabe.kit.jdbc.Lease(jdbc, null, "outbox", "test", Duration.ofSeconds(1)), Duration.ofMillis(300),
                meters);
        assertThat(meters.get("superkabe_outbox_backlog").gauge().value()).isZero();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("INSERT INTO outbox (topic, record_key, headers, payload) VALUES ('t', 'k', '{}', ?)")
                    .param(new byte[] {1}).update();
        }

        relay.countBacklogWhenDue();

        assertThat(meters.get("superkabe_outbox_backlog").gauge().value()).isEqualTo(3);

        jdbc.sql("DELETE FROM outbox").update();
        relay.countBacklogWhenDue();

        assertThat(meters.get("superkabe_outbox_backlog").gauge().value())
                .as("counted less than %s ago: the last count stands", OutboxRelay.BACKLOG_EVERY).isEqualTo(3);
        assertThat(relay.countBacklog()).isZero();
    }
}
