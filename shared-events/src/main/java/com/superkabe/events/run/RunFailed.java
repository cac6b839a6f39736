package com.superkabe.events.run;

import com.superkabe.events.Require;

/** A step failed (fail-closed): the run halts and needs explicit resolution. */
public record RunFailed(String orgId, String runId, int step, String reason, long tick) implements RunEvent {
    public RunFailed {
        Require.text(runId, "runId");
        Require.text(reason, "reason");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
