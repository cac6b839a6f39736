package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.events.clock.ClockTicked;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.sequencer.config.ClockProperties;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single writer of the clock topic: every {@code interval} of wall time it publishes the next
 * logical tick. Wall time paces the clock; it never enters a decision. Tick numbers are persisted,
 * so a restart continues the count. In real time (interval = period, production) a tick is never
 * behind the wall clock: after downtime the count jumps to {@code (now − epoch) / period}, so the
 * logical instant a sending window or a daily cap is judged at is the real one. Faster clocks
 * (tests, demos) count on from the last tick.
 */
public class ClockTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClockTicker.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventSink events;
    private final Envelopes envelopes;
    private final ClockProperties props;
    private final Clock wall;
    private volatile boolean running;
    private Thread thread;

    public ClockTicker(JdbcClient jdbc, TransactionTemplate tx, EventSink events, Envelopes envelopes,
                       ClockProperties props, Clock wall) {
        this.wall = wall;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.envelopes = envelopes;
        this.props = props;
    }

    /** Publishes the next tick now; returns its number. */
    public long tick() {
        Long tick = tx.execute(s -> {
            long next = jdbc.sql("UPDATE clock_source SET last_tick = GREATEST(last_tick + 1, ?) WHERE id = 1 "
                    + "RETURNING last_tick").param(wallTick()).query(Long.class).single();
            ClockTicked ticked = new ClockTicked(next, props.epoch().plus(props.period().multipliedBy(next)),
                    props.period().toSeconds());
            events.publish(envelopes.origin("tick/" + next, next, ticked));
            return next;
        });
        return tick == null ? -1 : tick;
    }

    /** The tick the wall clock is at in real time; 0 (no floor) for a faster clock. */
    long wallTick() {
        if (!props.interval().equals(props.period())) {
            return 0;
        }
        return Math.max(0, Duration.between(props.epoch(), wall.instant()).dividedBy(props.period()));
    }

    @Override
    public void start() {
        if (!props.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("clock-ticker").daemon().start(() -> {
            while (running) {
                try {
                    Thread.sleep(props.interval().toMillis());
                    tick();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.warn("Clock tick failed; will retry: {}", e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
