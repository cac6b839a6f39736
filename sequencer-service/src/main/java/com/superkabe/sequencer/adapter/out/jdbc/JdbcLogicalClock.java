package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.LogicalClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLogicalClock implements LogicalClock {

    private final JdbcClient jdbc;

    JdbcLogicalClock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long currentTick() {
        return jdbc.sql("SELECT tick FROM clock_state WHERE id = ?").param(row()).query(Long.class).optional().orElse(0L);
    }

    @Override
    public void advanceTo(long tick) {
        jdbc.sql("INSERT INTO clock_state(id, tick) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET tick = EXCLUDED.tick")
                .params(row(), tick).update();
    }

    /** Each shard has its own logical now (ADR 0065); shard 0's is row 1, the row there always was. */
    private static int row() {
        return com.superkabe.sequencer.application.ShardScope.current() + 1;
    }
}
