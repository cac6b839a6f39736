package com.superkabe.sendadapter.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.run.SendRequested;
import com.superkabe.kit.testing.TestInfra;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two send-adapter replicas share the pending Sent-folder checks on one real PostgreSQL (ADR 0053). */
class PendingReconciliationClaimTest {

    static JdbcClient jdbc;

    @BeforeAll
    static void schema() {
        TestInfra.postgres();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TestInfra.jdbcUrl());
        ds.setUser("postgres");
        ds.setPassword("postgres");
        ds.setCurrentSchema("send_adapter_claims");
        Flyway.configure().dataSource(ds).schemas("send_adapter_claims")
                .locations("classpath:db/kit", "classpath:db/send_adapter").load().migrate();
        jdbc = JdbcClient.create(ds);
    }

    @Test
    void aDueCheckTakenByOneReplicaIsNotDueForTheOtherUntilItsClaimRunsOut() {
        // given one pending check, due now, seen by two replicas
        JdbcPendingReconciliations replicaA = new JdbcPendingReconciliations(jdbc, new EventCodec());
        JdbcPendingReconciliations replicaB = new JdbcPendingReconciliations(jdbc, new EventCodec());
        Instant now = Instant.parse("2026-12-06T19:00:00Z");
        SendRequested r = new SendRequested("org-1", "run-1", "send-claim-1", "c-1", "lead-1", "mb-1", 0,
                "ada@example.com", "Ada", "Hello", "Hi", 1);
        replicaA.add(new Envelope("e-1", EventType.SEND_REQUESTED, "sequencer", now, "org-1", null, "e-1", 1, r),
                "<send-claim-1@acme.test>", "connection lost after DATA", now);

        // when A takes the due checks, then B
        // then A gets it and B does not, until A's claim runs out (A died mid-check)
        assertThat(replicaA.due(now, 50)).extracting(p -> p.cause().id()).containsExactly("e-1");
        assertThat(replicaB.due(now, 50)).isEmpty();
        assertThat(replicaB.due(now.plus(JdbcPendingReconciliations.CLAIM), 50)).extracting(p -> p.cause().id())
                .containsExactly("e-1");
    }
}
