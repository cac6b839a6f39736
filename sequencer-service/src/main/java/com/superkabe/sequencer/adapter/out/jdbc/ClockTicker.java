package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.events.clock.ClockTicked;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.sequencer.config.ClockProperties;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.superkabe.kit.jdbc.Lease;
import com.superkabe.kit.jdbc.LeaseKeeper;
import com.superkabe.kit.jdbc.LeaseLostException;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single writer of the clock topic, among any number of sequencer replicas: only the holder of the
 * {@code clock} lease ticks, and the statement that advances the tick checks the holder's epoch (ADR 0051),
 * so a replica that lost the lease cannot write a tick late; a standby takes over within the lease's time
 * to live plus one renewal period. The holder: every {@code interval} of wall time it publishes the next
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
    private final LeaseKeeper keeper;
    private volatile boolean running;
    private Thread thread;

    public ClockTicker(JdbcClient jdbc, TransactionTemplate tx, EventSink events, Envelopes envelopes,
                       ClockProperties props, Clock wall, LeaseKeeper keeper) {
        this.wall = wall;
        this.keeper = keeper;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.envelopes = envelopes;
        this.props = props;
    }

    /**
     * Publishes the next tick now and returns its number, if this replica holds the clock lease under the
     * epoch it believes; otherwise throws {@link LeaseLostException} and writes nothing.
     */
    public long tick() {
        Lease lease = keeper.lease();
        Long tick = tx.execute(s -> {
            long next = lease.bindFence(jdbc.sql("UPDATE clock_source SET last_tick = GREATEST(last_tick + 1, :wall) "
                            + "WHERE id = 1 AND " + lease.fenceCondition() + " RETURNING last_tick"))
                    .param("wall", wallTick()).query(Long.class).optional()
                    .orElseThrow(() -> new LeaseLostException("clock lease not held by " + lease.holder()));
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
        keeper.start();
        thread = Thread.ofPlatform().name("clock-ticker").daemon().start(() -> {
            while (running) {
                try {
                    Thread.sleep(props.interval().toMillis());
                    if (keeper.holding()) {
                        tick();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (LeaseLostException e) {
                    log.warn("Clock tick refused: {}", e.getMessage());
                    keeper.nudge();
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
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (keeper.isRunning()) {
            keeper.stop();
        }
    }

    /** One renewal or takeover attempt now, outside the ticker's own loop. */
    void keeperRound() {
        keeper.round();
    }

    /** Whether this replica writes the clock now. */
    public boolean writing() {
        return running && keeper.holding();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
