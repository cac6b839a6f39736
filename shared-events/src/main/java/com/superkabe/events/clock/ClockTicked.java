package com.superkabe.events.clock;

import com.superkabe.events.SuperkabeEvent;
import java.time.Instant;

/**
 * The logical clock advanced to {@code tick}; {@code logicalInstant} is the epoch plus tick times
 * period. Every time-based decision reads this, never the wall clock.
 */
public record ClockTicked(long tick, Instant logicalInstant, long periodSeconds) implements SuperkabeEvent {
    public ClockTicked {
        if (tick < 0 || logicalInstant == null || periodSeconds <= 0) {
            throw new IllegalArgumentException("tick >= 0, logicalInstant and periodSeconds > 0 are required");
        }
    }

    /** The clock is global, not a tenant's. */
    @Override
    public String orgId() {
        return "system";
    }

    @Override
    public String subject() {
        return "clock";
    }

    @Override
    public String partitionKey() {
        return "clock";
    }
}
