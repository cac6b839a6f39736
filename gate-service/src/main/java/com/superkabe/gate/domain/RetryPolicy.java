package com.superkabe.gate.domain;

/**
 * INFRA_ISSUE retries: exponential backoff in logical ticks, bounded in count and in delay, with
 * jitter that is a pure function of the lead and the attempt — spread out, yet the same on replay.
 */
public record RetryPolicy(long baseTicks, long maxDelayTicks, int maxAttempts) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(1, 30, 6);

    public RetryPolicy {
        if (baseTicks < 1 || maxDelayTicks < baseTicks || maxAttempts < 1) {
            throw new IllegalArgumentException("need 1 <= baseTicks <= maxDelayTicks and maxAttempts >= 1");
        }
    }

    /** True while another attempt is allowed after {@code attemptsSoFar} failed ones. */
    public boolean allowsAnother(int attemptsSoFar) {
        return attemptsSoFar < maxAttempts;
    }

    /** The tick of the next attempt after the {@code attempt}-th (1-based) failure at {@code nowTick}. */
    public long nextAttemptTick(String leadId, int attempt, long nowTick) {
        long backoff = Math.min(maxDelayTicks, baseTicks << Math.min(30, attempt - 1));
        long jitterRange = Math.max(1, backoff / 2);
        long jitter = Math.floorMod((leadId + "#" + attempt).hashCode(), jitterRange + 1);
        return nowTick + Math.min(maxDelayTicks, backoff + jitter);
    }
}
