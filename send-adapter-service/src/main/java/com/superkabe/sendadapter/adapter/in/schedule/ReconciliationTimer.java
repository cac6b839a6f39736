package com.superkabe.sendadapter.adapter.in.schedule;

import com.superkabe.sendadapter.application.Reconciler;
import com.superkabe.sendadapter.config.ReconciliationProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the due Sent-folder checks every {@code superkabe.reconciliation.poll-interval} (wall time). */
@Component
class ReconciliationTimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationTimer.class);

    private final Reconciler reconciler;
    private final ReconciliationProperties props;
    private ScheduledExecutorService timer;

    ReconciliationTimer(Reconciler reconciler, ReconciliationProperties props) {
        this.reconciler = reconciler;
        this.props = props;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("reconciliation")
                .factory());
        long every = props.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            reconciler.runDue();
        } catch (RuntimeException e) {
            log.warn("reconciliation pass failed; retried at the next tick", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
