package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * PENDING → ACTIVE: the run's campaign is active and the gate allowed the lead; its first step is due
 * at {@code dueTick} (a later due tick is followed by {@link RunWaiting}).
 */
public record RunStarted(String orgId, String runId, int step, long dueTick, long tick) implements RunEvent {
    public RunStarted {
        Require.text(runId, "runId");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
