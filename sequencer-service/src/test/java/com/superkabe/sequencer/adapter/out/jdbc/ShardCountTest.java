package com.superkabe.sequencer.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.kit.testing.TestInfra;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shard count is fixed at an installation's first start (ADR 0065), on real PostgreSQL: a replica
 * started with another count, or with several shards where one shard has already decided, is refused.
 */
class ShardCountTest {

    static final String SCHEMA = "shard_count";
    static JdbcClient db;

    @BeforeAll
    static void schema() {
        TestInfra.postgres();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TestInfra.jdbcUrl());
        ds.setUser("postgres");
        ds.setPassword("postgres");
        ds.setCurrentSchema(SCHEMA);
        Flyway.configure().dataSource(ds).schemas(SCHEMA).locations("classpath:db/kit", "classpath:db/sequencer")
                .load().migrate();
        db = JdbcClient.create(ds);
    }

    @BeforeEach
    void fresh() {
        db.sql("DELETE FROM sequencer_shard_count").update();
        db.sql("DELETE FROM clock_state WHERE id > 1").update();
        db.sql("UPDATE clock_state SET tick = 0").update();
    }

    @Test
    void theFirstStartRecordsItsCountAndLaterStartsWithTheSameCountPass() {
        assertThat(ShardCount.check(db, 4).shards()).isEqualTo(4);
        assertThat(ShardCount.check(db, 4).shards()).isEqualTo(4);
        assertThat(db.sql("SELECT shards FROM sequencer_shard_count").query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void aReplicaWithAnotherCountThanTheRecordedOneIsRefusedNamingBoth() {
        ShardCount.check(db, 4);

        assertThatThrownBy(() -> ShardCount.check(db, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("superkabe.sequencer.shards is 2").hasMessageContaining("decides with 4");
    }

    @Test
    void severalShardsOnAnInstallationThatDecidedWithOneBeforeTheCountWasRecordedAreRefused() {
        // given an installation from before the count was recorded, whose single sequencer handled ticks
        db.sql("UPDATE clock_state SET tick = 42 WHERE id = 1").update();

        assertThatThrownBy(() -> ShardCount.check(db, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decides with 1");
        assertThat(ShardCount.check(db, 1).shards()).as("it keeps running with one").isEqualTo(1);
    }

    @Test
    void aCountBelowOneIsRefused() {
        assertThatThrownBy(() -> ShardCount.check(db, 0)).hasMessageContaining("at least 1, was 0");
    }
}
