package com.superkabe.gate.application;

import com.superkabe.gate.domain.RetryPolicy;
import com.superkabe.gate.domain.StoreOutage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In memory, because it is about the store being unreachable: the latest logical tick seen on the
 * clock topic, and per input (a listener) its {@link StoreOutage}. Inputs are paused while waiting
 * and resumed when a tick makes their retry due. Thread-safe: consumers and the clock call in.
 */
public class StoreOutages {

    private final RetryPolicy policy;
    private final Map<String, StoreOutage> outages = new HashMap<>();
    private long latestTick;

    public StoreOutages(RetryPolicy policy) {
        this.policy = policy;
    }

    /** The clock reached {@code tick}; returns the inputs whose retry is now due, to be resumed. */
    public synchronized List<String> ticked(long tick) {
        latestTick = Math.max(latestTick, tick);
        List<String> due = new ArrayList<>();
        outages.replaceAll((input, outage) -> {
            StoreOutage next = outage.ticked(latestTick);
            if (outage.waiting() && !next.waiting()) {
                due.add(input);
            }
            return next;
        });
        return due;
    }

    /**
     * {@code input} could not reach the store with the records starting at {@code position} (the
     * jitter's key, so a replay waits alike). Waiting: pause it; exhausted: dead-letter the records.
     */
    public synchronized StoreOutage failed(String input, String position) {
        StoreOutage next = outages.getOrDefault(input, StoreOutage.NONE).failed(input + "@" + position, latestTick, policy);
        outages.put(input, next);
        return next;
    }

    /** {@code input} handled its records; returns the outage that ended (NONE if there was none). */
    public synchronized StoreOutage handled(String input) {
        StoreOutage was = outages.getOrDefault(input, StoreOutage.NONE);
        if (was != StoreOutage.NONE) {
            outages.put(input, was.recovered());
        }
        return was;
    }

    /** The exhausted records of {@code input} went to the dead-letter topic. */
    public synchronized void deadLettered(String input) {
        outages.computeIfPresent(input, (k, outage) -> outage.deadLettered());
    }

    /** How many inputs are currently held up by the store (waiting or retrying). */
    public synchronized int unavailable() {
        return (int) outages.values().stream().filter(o -> o.phase() != StoreOutage.Phase.AVAILABLE).count();
    }

    public synchronized long latestTick() {
        return latestTick;
    }

    public RetryPolicy policy() {
        return policy;
    }
}
