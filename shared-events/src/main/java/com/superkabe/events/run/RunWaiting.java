package com.superkabe.events.run;

import com.superkabe.events.Require;

/** ACTIVE → WAITING: the current step is a wait; it is due at {@code dueTick}. */
public record RunWaiting(String orgId, String runId, int step, long dueTick, long tick) implements RunEvent {
    public RunWaiting {
        Require.text(runId, "runId");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
