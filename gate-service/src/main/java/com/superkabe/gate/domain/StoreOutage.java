package com.superkabe.gate.domain;

/**
 * One input's wait for the gate's own store (its database) to come back: an INFRA_ISSUE the gate
 * cannot record, so the input itself waits, unconsumed. Retried on the logical clock with the
 * {@link RetryPolicy}'s exponential backoff and deterministic jitter (keyed by the waiting input),
 * and given up after its last attempt, so the input goes to the dead-letter topic.
 *
 * @param failures    failed attempts so far (0: the store is fine)
 * @param retryAtTick the tick at which the input is tried again, while {@link #waiting}
 * @param phase       what the input is doing
 */
public record StoreOutage(int failures, long retryAtTick, Phase phase) {

    public enum Phase {
        /** Consuming normally. */
        AVAILABLE,
        /** Failed; paused until {@code retryAtTick}. */
        WAITING,
        /** The retry tick came: consuming again, the next failure counts as another attempt. */
        RETRYING,
        /** The last attempt failed: the input goes to the dead-letter topic. */
        EXHAUSTED
    }

    public static final StoreOutage NONE = new StoreOutage(0, 0, Phase.AVAILABLE);

    /**
     * The store was unreachable at {@code nowTick}. Failures reported while already waiting (another
     * consumer of the same input, failing on records fetched before the pause) are the same attempt.
     */
    public StoreOutage failed(String inputKey, long nowTick, RetryPolicy policy) {
        if (phase == Phase.WAITING) {
            return this;
        }
        int attempt = failures + 1;
        if (!policy.allowsAnother(attempt)) {
            return new StoreOutage(attempt, retryAtTick, Phase.EXHAUSTED);
        }
        return new StoreOutage(attempt, policy.nextAttemptTick(inputKey, attempt, nowTick), Phase.WAITING);
    }

    /** The logical clock reached {@code tick}: a waiting input whose retry is due is tried again. */
    public StoreOutage ticked(long tick) {
        return phase == Phase.WAITING && tick >= retryAtTick ? new StoreOutage(failures, retryAtTick, Phase.RETRYING)
                : this;
    }

    /** The input was handled: the store is back (or never left). */
    public StoreOutage recovered() {
        return NONE;
    }

    /** The exhausted input was dead-lettered: the next failure starts a new count. */
    public StoreOutage deadLettered() {
        return NONE;
    }

    public boolean waiting() {
        return phase == Phase.WAITING;
    }

    public boolean exhausted() {
        return phase == Phase.EXHAUSTED;
    }
}
