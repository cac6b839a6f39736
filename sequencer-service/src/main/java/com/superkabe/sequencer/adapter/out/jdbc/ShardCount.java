package com.superkabe.sequencer.adapter.out.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shard count this installation decides with (ADR 0065), fixed at its first start. An organization's
 * shard, each shard's recorded inputs and logical clock and each shard's consumer group follow from it, so
 * a changed count would hand organizations to shards that never saw their history and re-read the topics
 * in new consumer groups: a replica started with another count refuses to start.
 */
public final class ShardCount {

    private final int shards;

    private ShardCount(int shards) {
        this.shards = shards;
    }

    public int shards() {
        return shards;
    }

    public static ShardCount check(JdbcClient jdbc, int configured) {
        if (configured < 1) {
            throw new IllegalStateException("superkabe.sequencer.shards must be at least 1, was " + configured);
        }
        var recorded = jdbc.sql("SELECT shards FROM sequencer_shard_count WHERE id = 1").query(Integer.class)
                .optional();
        if (recorded.isEmpty()) {
            boolean decidedUnsharded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM clock_state WHERE tick > 0)")
                    .query(Boolean.class).single();
            if (configured > 1 && decidedUnsharded) {
                throw refused(1, configured);
            }
            jdbc.sql("INSERT INTO sequencer_shard_count(id, shards) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")
                    .param(configured).update();
            recorded = jdbc.sql("SELECT shards FROM sequencer_shard_count WHERE id = 1").query(Integer.class)
                    .optional();
        }
        if (recorded.orElseThrow() != configured) {
            throw refused(recorded.get(), configured);
        }
        return new ShardCount(configured);
    }

    private static IllegalStateException refused(int recorded, int configured) {
        return new IllegalStateException("superkabe.sequencer.shards is " + configured + " but this installation "
                + "decides with " + recorded + " shard(s); the count is fixed at the first start and changing it "
                + "on a live installation is not supported (ADR 0065)");
    }
}
