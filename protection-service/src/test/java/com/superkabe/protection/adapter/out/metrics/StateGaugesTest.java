package com.superkabe.protection.adapter.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.kit.testing.TestInfra;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The state gauges read protection's own tables, migrated on a real PostgreSQL. */
class StateGaugesTest {

    static JdbcClient jdbc;

    @BeforeAll
    static void schema() {
        TestInfra.postgres();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TestInfra.jdbcUrl());
        ds.setUser("postgres");
        ds.setPassword("postgres");
        ds.setCurrentSchema("protection_gauges");
        Flyway.configure().dataSource(ds).schemas("protection_gauges").locations("classpath:db/kit",
                "classpath:db/protection").load().migrate();
        jdbc = JdbcClient.create(ds);
    }

    @Test
    void countsRegisteredMailboxesAndDomainsPerStateAcrossOrganizationsWithZerosForEmptyStates() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StateGauges gauges = new StateGauges(jdbc, meters);
        mailbox("m1", "org-1", true, "HEALTHY");
        mailbox("m2", "org-2", true, "HEALTHY");
        mailbox("m3", "org-1", true, "QUARANTINE");
        mailbox("m4", "org-1", true, "PAUSED");
        mailbox("m5", "org-1", false, "PAUSED");
        jdbc.sql("INSERT INTO domain_state (org_id, domain, status) VALUES ('org-1', 'a.test', 'PAUSED'), "
                + "('org-2', 'b.test', 'HEALTHY')").update();

        gauges.refresh();

        assertThat(mailboxes(meters, "healthy")).isEqualTo(2);
        assertThat(mailboxes(meters, "quarantine")).isEqualTo(1);
        assertThat(mailboxes(meters, "paused")).as("an unregistered mailbox is not counted").isEqualTo(1);
        assertThat(mailboxes(meters, "warm_recovery")).isZero();
        assertThat(meters.get("superkabe_protection_domains").tag("status", "paused").gauge().value()).isEqualTo(1);
        assertThat(meters.get("superkabe_protection_domains").tag("status", "warning").gauge().value()).isZero();
        assertThat(meters.get("superkabe_protection_mailboxes").gauges()).as("one series per state").hasSize(7);
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags())
                .extracting(t -> t.getKey()).containsOnly("status"));
    }

    private static double mailboxes(SimpleMeterRegistry meters, String status) {
        return meters.get("superkabe_protection_mailboxes").tag("status", status).gauge().value();
    }

    private static void mailbox(String id, String org, boolean registered, String status) {
        jdbc.sql("INSERT INTO mailbox_state (mailbox_id, org_id, address, domain, registered, status, window_bytes) "
                + "VALUES (?, ?, ?, 'a.test', ?, ?, ''::bytea)").params(id, org, id + "@a.test", registered, status)
                .update();
    }
}
