package com.superkabe.sequencer.config;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The logical clock. {@code period}: logical time per tick (60 s, as the anchor's dispatcher);
 * {@code interval}: wall time between ticks (equal to the period in production, much shorter in
 * tests and demos); {@code epoch}: the logical instant of tick 0; {@code enabled}: whether this
 * instance writes the clock topic (exactly one instance must).
 *
 * @param period logical time per tick (default 60s)
 * @param interval wall time between ticks (default: the period)
 * @param epoch the logical instant of tick 0 (default 2026-01-01T00:00:00Z)
 * @param enabled whether this instance writes the clock topic (default true; exactly one instance must)
 */
@ConfigurationProperties("superkabe.clock")
public record ClockProperties(Duration period, Duration interval, Instant epoch, Boolean enabled) {
    public ClockProperties {
        period = period == null ? Duration.ofSeconds(60) : period;
        interval = interval == null ? period : interval;
        epoch = epoch == null ? Instant.parse("2026-01-01T00:00:00Z") : epoch;
        enabled = enabled == null || enabled;
        if (period.isNegative() || period.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("superkabe.clock.period and superkabe.clock.interval must be positive");
        }
    }
}
