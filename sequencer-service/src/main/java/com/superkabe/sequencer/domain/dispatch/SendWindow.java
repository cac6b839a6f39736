package com.superkabe.sequencer.domain.dispatch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A campaign's sending window, read in its own time zone ({@code schedule_timezone}), never UTC.
 * {@code start}/{@code end} null: the whole day. {@code start > end}: an overnight window that opens
 * on a valid day at {@code start} and closes the next morning at {@code end}, whatever that next day
 * is. {@code end} is exclusive. Wall-clock times are compared after the zone's DST rules are
 * applied, so a 09:00 start is 09:00 local on both sides of a clock change.
 */
public record SendWindow(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    /** Always open, days counted in UTC: what a campaign without a schedule gets. */
    public static final SendWindow ALWAYS = new SendWindow(ZoneId.of("UTC"), null, null, EnumSet.allOf(DayOfWeek.class));

    public SendWindow {
        if (zone == null) {
            throw new IllegalArgumentException("zone is required");
        }
        if ((start == null) != (end == null)) {
            throw new IllegalArgumentException("start and end are given together or not at all");
        }
        if (start != null && start.equals(end)) {
            throw new IllegalArgumentException("start and end must differ");
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("at least one day is required");
        }
        days = Set.copyOf(days);
    }

    public boolean isOpen(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (start == null) {
            return days.contains(date.getDayOfWeek());
        }
        if (start.isBefore(end)) {
            return days.contains(date.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
        }
        return days.contains(date.getDayOfWeek()) && !time.isBefore(start)
                || days.contains(date.minusDays(1).getDayOfWeek()) && time.isBefore(end);
    }

    /** The campaign's calendar day containing {@code now}: the period its daily caps count in. */
    public Day dayOf(Instant now) {
        return Day.of(now, zone);
    }

    /** A calendar day in some zone as the instants [from, to); 23 or 25 hours long on DST days. */
    public record Day(Instant from, Instant to) {
        public static Day of(Instant now, ZoneId zone) {
            LocalDate date = now.atZone(zone).toLocalDate();
            return new Day(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }
}
