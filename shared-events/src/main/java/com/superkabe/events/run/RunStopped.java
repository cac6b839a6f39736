package com.superkabe.events.run;

import com.superkabe.events.Require;

/** An operator stopped the run for good: it is FAILED and can no longer be resolved. */
public record RunStopped(String orgId, String runId, int step, String actor, String reason, long tick)
        implements RunEvent {
    public RunStopped {
        Require.text(runId, "runId");
        Require.text(actor, "actor");
        Require.text(reason, "reason");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
