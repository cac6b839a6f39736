package com.superkabe.events.run;

import com.superkabe.events.Require;

/** WAITING → ACTIVE: the wait before {@code step} elapsed at {@code tick} (its own recorded transition). */
public record RunWaitElapsed(String orgId, String runId, int step, long tick) implements RunEvent {
    public RunWaitElapsed {
        Require.text(runId, "runId");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
