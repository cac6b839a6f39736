package com.superkabe.events.run;

import com.superkabe.events.Require;

/** The last step was sent; the run is terminal (status completed). */
public record RunCompleted(String orgId, String runId, long tick) implements RunEvent {
    public RunCompleted {
        Require.text(runId, "runId");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
