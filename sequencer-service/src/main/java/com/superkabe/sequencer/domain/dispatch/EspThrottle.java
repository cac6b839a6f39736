package com.superkabe.sequencer.domain.dispatch;

import java.util.Optional;

/**
 * Adaptive ESP throttling of one (mailbox, recipient ESP) pair (ADR 0019): a 4xx deferral from the ESP
 * halves the mailbox's hourly rate to it — from what it sent to that ESP in the last hour of ticks,
 * at least {@link #MIN_BASE}, or from the current limit when already throttled — down to
 * {@link #MAX_LEVEL} halvings; every {@code recoveryTicks} without a deferral doubles it back, step by
 * step, until the throttle is lifted. Pure: the caller brings the counts and the tick.
 */
public record EspThrottle(int level, int hourlyLimit, long changedTick) {

    /** The window the hourly limit counts sends in, in ticks of {@code secondsPerTick}: an hour. */
    public static long windowTicks(int secondsPerTick) {
        return Math.max(1, 3_600 / secondsPerTick);
    }
    public static final int MAX_LEVEL = 4;
    static final int MIN_BASE = 2;

    public EspThrottle {
        if (level < 1 || level > MAX_LEVEL || hourlyLimit < 1) {
            throw new IllegalArgumentException("a throttle has a level in 1.." + MAX_LEVEL + " and a limit >= 1");
        }
    }

    private static final java.util.regex.Pattern RATE_STATUS = java.util.regex.Pattern.compile(
            "\\b4\\.7\\.(28|650|651|652|500)\\b");
    private static final java.util.regex.Pattern RATE_WORDS = java.util.regex.Pattern.compile(
            "\\brate\\b|too many|throttl", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** 4.2.1: one recipient's mailbox is receiving too fast — about that recipient, not the provider. */
    private static final java.util.regex.Pattern ONE_RECIPIENT = java.util.regex.Pattern.compile("\\b4\\.2\\.1\\b");
    private static final java.util.regex.Pattern GREYLISTING = java.util.regex.Pattern.compile(
            "gr[ae]y-?list", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Whether a transient failure says the ESP is slowing this sender down — a 421 closing the channel,
     * Gmail's 4.7.28 and Outlook's 4.7.650–652 / 4.7.500 statuses, words of rate or volume, or an API's
     * Retry-After — as opposed to greylisting, which every first contact may meet and which is no rate
     * signal, or a plain 4xx about one recipient.
     */
    public static boolean isRateDeferral(int smtpCode, String detail, Long retryAfterSeconds) {
        String text = detail == null ? "" : detail;
        if (GREYLISTING.matcher(text).find() || ONE_RECIPIENT.matcher(text).find()) {
            return false;
        }
        return smtpCode == 421 || retryAfterSeconds != null
                || (smtpCode >= 400 && smtpCode < 500 || smtpCode == 0)
                && (RATE_STATUS.matcher(text).find() || RATE_WORDS.matcher(text).find());
    }

    /**
     * After a deferral at {@code tick} of a send requested at {@code sentTick}; {@code recentSends}: the
     * pair's sends in the last window. A deferral of a send made before the last change was already
     * answered by it: it only restarts the quiet period, so one burst halves the rate once.
     */
    public static EspThrottle deferred(Optional<EspThrottle> current, int recentSends, long sentTick, long tick) {
        if (current.isEmpty()) {
            return new EspThrottle(1, Math.max(1, Math.max(recentSends, MIN_BASE) / 2), tick);
        }
        EspThrottle c = current.get();
        return c.level >= MAX_LEVEL || sentTick < c.changedTick ? new EspThrottle(c.level, c.hourlyLimit, tick)
                : new EspThrottle(c.level + 1, Math.max(1, c.hourlyLimit / 2), tick);
    }

    /** Throttling needs a provider to hold responsible: not UNKNOWN or OTHER, which are many unrelated servers. */
    public static boolean throttleable(com.superkabe.events.lead.RecipientEsp esp) {
        return esp != com.superkabe.events.lead.RecipientEsp.UNKNOWN && esp != com.superkabe.events.lead.RecipientEsp.OTHER;
    }

    /** Whether a step back is due at {@code tick}. */
    public boolean recoveryDue(long tick, long recoveryTicks) {
        return tick - changedTick >= recoveryTicks;
    }

    /** One step back at {@code tick}: the rate doubles; empty when the throttle is lifted. */
    public Optional<EspThrottle> recovered(long tick) {
        return level <= 1 ? Optional.empty() : Optional.of(new EspThrottle(level - 1, hourlyLimit * 2, tick));
    }
}
