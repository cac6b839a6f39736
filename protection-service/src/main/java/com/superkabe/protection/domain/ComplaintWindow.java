package com.superkabe.protection.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends and spam complaints of one mailbox per day of the logical clock (day = tick / ticksPerDay),
 * the days of the complaint window only, oldest first. A rolling window: days older than the window
 * are dropped as new ones are counted. After the mailbox was paused for its complaints its own rate
 * counts from {@code since} on (the next day), while its domain still sums every day. Immutable.
 */
public final class ComplaintWindow {

    /** One day's counts. */
    public record Day(long day, int sends, int complaints) {
    }

    /** Sends and complaints within a window, as of a tick. */
    public record Figures(long sends, long complaints, int windowDays) {
        public Figures plus(Figures o) {
            return new Figures(sends + o.sends, complaints + o.complaints, windowDays);
        }
    }

    public static final ComplaintWindow EMPTY = new ComplaintWindow(List.of(), -1);

    private final List<Day> days;
    private final long since;

    private ComplaintWindow(List<Day> days, long since) {
        this.days = List.copyOf(days);
        this.since = since;
    }

    public static ComplaintWindow of(List<Day> days, long since) {
        return days.isEmpty() && since < 0 ? EMPTY : new ComplaintWindow(days, since);
    }

    /** The tick the mailbox's own rate counts from; -1: the whole window. */
    public long since() {
        return since;
    }

    /** The same counts, with the mailbox's own rate starting afresh on the day after {@code tick}. */
    public ComplaintWindow restartedAfter(long tick, ProtectionPolicy p) {
        return new ComplaintWindow(days, (tick / p.ticksPerDay() + 1) * p.ticksPerDay());
    }

    /** The mailbox's own figures as of {@code tick}: from {@link #since()} on. */
    public Figures own(long tick, ProtectionPolicy p) {
        return figures(tick, p, since);
    }

    public ComplaintWindow sent(long tick, ProtectionPolicy p) {
        return add(tick, p, 1, 0);
    }

    public ComplaintWindow complained(long tick, ProtectionPolicy p) {
        return add(tick, p, 0, 1);
    }

    /** The window's sends and complaints as of {@code tick}, counting only days from {@code sinceTick}'s on. */
    public Figures figures(long tick, ProtectionPolicy p, long sinceTick) {
        long first = Math.max(firstDay(tick, p), sinceTick < 0 ? Long.MIN_VALUE : sinceTick / p.ticksPerDay());
        long sends = 0;
        long complaints = 0;
        for (Day d : days) {
            if (d.day() >= first && d.day() <= tick / p.ticksPerDay()) {
                sends += d.sends();
                complaints += d.complaints();
            }
        }
        return new Figures(sends, complaints, p.complaints().windowDays());
    }

    public List<Day> days() {
        return days;
    }

    private ComplaintWindow add(long tick, ProtectionPolicy p, int sends, int complaints) {
        long today = tick / p.ticksPerDay();
        long first = firstDay(tick, p);
        List<Day> next = new ArrayList<>(days.size() + 1);
        boolean counted = false;
        for (Day d : days) {
            if (d.day() < first) {
                continue;
            }
            if (d.day() == today) {
                next.add(new Day(today, d.sends() + sends, d.complaints() + complaints));
                counted = true;
            } else {
                next.add(d);
            }
        }
        if (!counted) {
            next.add(new Day(today, sends, complaints));
            next.sort(java.util.Comparator.comparingLong(Day::day));
        }
        return new ComplaintWindow(next, since);
    }

    private static long firstDay(long tick, ProtectionPolicy p) {
        return tick / p.ticksPerDay() - p.complaints().windowDays() + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplaintWindow w && w.days.equals(days) && w.since == since;
    }

    @Override
    public int hashCode() {
        return 31 * days.hashCode() + Long.hashCode(since);
    }

    @Override
    public String toString() {
        return "ComplaintWindow" + days + (since < 0 ? "" : " since " + since);
    }
}
