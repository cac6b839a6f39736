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
        return jdbc.sql("SELECT tick FROM clock_state WHERE id = 1").query(Long.class).single();
    }

    @Override
    public void advanceTo(long tick) {
        jdbc.sql("UPDATE clock_state SET tick = ? WHERE id = 1").param(tick).update();
    }
}
