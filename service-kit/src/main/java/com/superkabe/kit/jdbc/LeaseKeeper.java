package com.superkabe.kit.jdbc;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps a {@link Lease} on its own thread: renews it every {@code every} while held, tries to take it
 * every {@code every} while not, and tells the job when it starts or stops being the holder (ADR 0050).
 * A renewal that fails (the database unreachable, another holder) ends the tenure locally at once; the
 * job's own transactions are fenced anyway. A graceful stop ends the job first, then releases the
 * lease, so a standby takes over within one of its own periods instead of the time to live.
 */
public class LeaseKeeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    /** What runs only while this instance holds the lease. */
    public interface Job {

        void acquired(long epoch);

        void lost();
    }

    private final Lease lease;
    private final Duration every;
    private final Job job;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean holding;
    private Thread thread;

    public LeaseKeeper(Lease lease, Duration every, Job job) {
        this.lease = lease;
        this.every = every;
        this.job = job;
    }

    public Lease lease() {
        return lease;
    }

    /** Asks for a renewal or takeover attempt now (for example after a fence refused a transaction). */
    public void nudge() {
        wake.release();
    }

    /** One round: renew or take the lease, and start or stop the job on a change. */
    public synchronized void round() {
        if (holding && !lease.held()) {
            holding = false;
            log.warn("Lease {} ran out or was fenced off for {}", lease.name(), lease.holder());
            job.lost();
        }
        boolean now;
        try {
            now = lease.acquireOrRenew();
        } catch (RuntimeException e) {
            log.warn("Lease {}: renewal failed: {}", lease.name(), e.toString());
            now = holding && lease.held();
            if (!now) {
                lease.drop();
            }
        }
        if (now && !holding) {
            holding = true;
            log.info("Lease {} taken by {} under epoch {}", lease.name(), lease.holder(), lease.epoch());
            job.acquired(lease.epoch());
        } else if (!now && holding) {
            holding = false;
            log.warn("Lease {} lost by {}", lease.name(), lease.holder());
            job.lost();
        }
    }

    public boolean holding() {
        return holding && lease.held();
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("lease-" + lease.name()).daemon().start(() -> {
            while (running) {
                round();
                try {
                    wake.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        if (holding) {
            holding = false;
            job.lost();
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("Lease {} not released; it expires on its own: {}", lease.name(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the listener containers start and before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }
}
