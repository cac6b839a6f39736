package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * The first open or click of {@code step}'s email reached the run at {@code tick}: from then on it is
 * part of the execution context that step conditions read. {@code kind} is OPENED or CLICKED.
 */
public record RunEngagementRecorded(String orgId, String runId, int step, String kind, long tick)
        implements RunEvent {
    public RunEngagementRecorded {
        Require.text(runId, "runId");
        Require.text(kind, "kind");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
