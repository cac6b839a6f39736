package com.superkabe.cli;

import com.superkabe.events.Envelope;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code --from}/{@code --to}: an RFC 3339 instant ({@code 2026-12-06T10:00:00Z}) compares with the
 * event's time; a plain number is a logical tick and compares with the event's logical time.
 * Both ends are inclusive; a missing end is open.
 */
record TimeRange(String from, String to) {

    TimeRange {
        check(from, "--from");
        check(to, "--to");
    }

    static final TimeRange ALL = new TimeRange(null, null);

    boolean contains(Envelope e) {
        return after(e, from) && before(e, to);
    }

    /** Whether a decision at {@code tick} is inside; bounds given as instants do not bound it. */
    boolean containsTick(long tick) {
        return (from == null || !isTick(from) || tick >= Long.parseLong(from))
                && (to == null || !isTick(to) || tick <= Long.parseLong(to));
    }

    /** Whether a bound is an instant rather than a tick. */
    boolean hasInstantBound() {
        return (from != null && !isTick(from)) || (to != null && !isTick(to));
    }

    private static boolean after(Envelope e, String bound) {
        if (bound == null) {
            return true;
        }
        return isTick(bound) ? e.logicalTime() >= Long.parseLong(bound) : !e.time().isBefore(Instant.parse(bound));
    }

    private static boolean before(Envelope e, String bound) {
        if (bound == null) {
            return true;
        }
        return isTick(bound) ? e.logicalTime() <= Long.parseLong(bound) : !e.time().isAfter(Instant.parse(bound));
    }

    private static boolean isTick(String s) {
        return s.chars().allMatch(Character::isDigit);
    }

    private static void check(String value, String option) {
        if (value == null || isTick(value)) {
            return;
        }
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InputException(option + " must be an RFC 3339 instant (2026-12-06T10:00:00Z) or a logical tick"
                    + " (a number); got '" + value + "'");
        }
    }
}
