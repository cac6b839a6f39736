package com.superkabe.sendadapter.adapter.out.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An HTTP {@code Retry-After} (RFC 9110 §10.2.3): delta-seconds or an HTTP-date. A date in the past,
 * a missing or an unreadable value mean "at once".
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                // round up: retrying a fraction of a second early would be refused again
                long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
                return Duration.ofSeconds(Math.max(0, seconds));
            } catch (DateTimeParseException e) {
                return Duration.ZERO;
            }
        }
    }
}
