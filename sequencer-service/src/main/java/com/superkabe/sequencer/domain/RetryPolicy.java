package com.superkabe.sequencer.domain;

/**
 * How a step whose send failed transiently is tried again (ADR 0019): the n-th retry waits
 * {@code baseTicks · 2^(n-1)}, at most {@code maxTicks}, plus a deterministic jitter of up to
 * {@code jitterPercent} of that wait (a hash of run, step and attempt, so replay waits the same), and
 * never less than the provider's Retry-After. Once {@code giveUpTicks} have passed since the step
 * first failed, the failure is final and the run fails. Defaults at 60 s per tick: 15 min doubling
 * to 4 h, giving up after 72 h.
 */
public record RetryPolicy(long baseTicks, long maxTicks, long giveUpTicks, int jitterPercent, int secondsPerTick) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(15, 240, 72 * 60, 20, 60);

    public RetryPolicy {
        if (baseTicks < 1 || maxTicks < baseTicks || giveUpTicks < 1 || jitterPercent < 0 || jitterPercent > 100
                || secondsPerTick < 1) {
            throw new IllegalArgumentException("retry policy needs 1 <= baseTicks <= maxTicks, giveUpTicks >= 1, "
                    + "jitterPercent in 0..100 and secondsPerTick >= 1");
        }
    }

    /** The wait before attempt {@code attempt} (1 = the first retry) of (run, step). */
    public long delayTicks(String runId, int step, int attempt, long retryAfterSeconds) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 62);
        long backoff = doublings >= 62 || baseTicks > (maxTicks >> doublings) ? maxTicks
                : Math.min(maxTicks, baseTicks << doublings);
        long jitterRange = backoff * jitterPercent / 100;
        long jitter = jitterRange == 0 ? 0
                : Long.remainderUnsigned(Spintax.hash("retry/" + runId + "/" + step + "/" + attempt), jitterRange + 1);
        long retryAfter = retryAfterSeconds <= 0 ? 0 : (retryAfterSeconds + secondsPerTick - 1) / secondsPerTick;
        return Math.max(backoff + jitter, retryAfter);
    }

    /** Whether a retry due at {@code dueTick} would fall past the give-up horizon of a step that first failed then. */
    public boolean exhausted(long firstFailureTick, long dueTick) {
        return dueTick - firstFailureTick > giveUpTicks;
    }
}
