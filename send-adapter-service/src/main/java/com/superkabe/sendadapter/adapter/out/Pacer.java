package com.superkabe.sendadapter.adapter.out;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces one mailbox's sends at most {@code perMinute} a minute, across batches: providers throttle per
 * mailbox (Gmail about 2.5 sends a second, Exchange Online 30 messages a minute), and waiting here is
 * cheaper than a 429. Waits on the wall clock (monotonic), which is what the provider counts.
 */
public final class Pacer {

    private final long intervalNanos;
    private final Map<String, Long> next = new ConcurrentHashMap<>();

    public Pacer(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1");
        }
        this.intervalNanos = Duration.ofMinutes(1).toNanos() / perMinute;
    }

    /** Blocks until this mailbox may send again; false if interrupted. */
    public boolean await(String mailboxId) {
        long now = System.nanoTime();
        long slot = next.merge(mailboxId, now + intervalNanos, (due, fresh) -> Math.max(due, now) + intervalNanos)
                - intervalNanos;
        long wait = slot - now;
        if (wait <= 0) {
            return true;
        }
        try {
            Thread.sleep(Duration.ofNanos(wait));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
