package com.superkabe.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The {@code ce_time} header as (epoch second, nano) for the merge order, read without the JDK's
 * general date-time parser for the one shape the codec writes ({@link Instant#toString()}:
 * {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}); any other text goes to {@link Instant#parse}, so the result is
 * always what {@code Instant.parse} gives. A missing or unreadable stamp is the record's timestamp.
 */
final class CeTime {

    private CeTime() {
    }

    static long[] parse(String text, long timestampMillis) {
        if (text != null) {
            long[] fast = fast(text);
            if (fast != null) {
                return fast;
            }
            try {
                Instant i = Instant.parse(text);
                return new long[] {i.getEpochSecond(), i.getNano()};
            } catch (DateTimeParseException e) {
                // unreadable: ordered by the record timestamp, as a record without the header
            }
        }
        return new long[] {Math.floorDiv(timestampMillis, 1000), Math.floorMod(timestampMillis, 1000) * 1_000_000L};
    }

    /** The common shape, or null to leave it to Instant.parse. */
    static long[] fast(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        long nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int f = digits(s, 20, fraction);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return new long[] {epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos};
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
