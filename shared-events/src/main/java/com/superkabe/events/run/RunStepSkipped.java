package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * {@code step} was not sent and the run goes on to the next (or completes): skipped with a log by a
 * policy or a step condition ({@code actor} "system"), or by an operator's resolve. {@code reason} says why.
 */
public record RunStepSkipped(String orgId, String runId, int step, String reason, String actor, long tick)
        implements RunEvent {
    public RunStepSkipped {
        Require.text(runId, "runId");
        Require.text(reason, "reason");
        Require.text(actor, "actor");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
