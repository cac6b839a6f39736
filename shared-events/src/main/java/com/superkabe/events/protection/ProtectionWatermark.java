package com.superkabe.events.protection;

import com.superkabe.events.SuperkabeEvent;

/**
 * Protection's heartbeat: it has processed every input it consumed up to logical tick {@code tick}
 * (published in the same transaction as that tick's decisions). A consumer whose latest watermark
 * lags the clock knows its view of mailbox and domain states may be stale. Global, not a tenant's.
 */
public record ProtectionWatermark(long tick) implements SuperkabeEvent {
    public ProtectionWatermark {
        if (tick < 0) {
            throw new IllegalArgumentException("tick >= 0 is required");
        }
    }

    /** The watermark is the service's, not a tenant's. */
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
