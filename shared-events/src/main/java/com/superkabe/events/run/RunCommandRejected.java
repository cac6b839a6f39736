package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * A command that is not valid in the run's state was rejected and changed nothing: {@code command}
 * names it (PAUSE, RESUME, RESOLVE_RETRY, RECORD_SENT, …), {@code status} is the run's status then,
 * {@code actor} who asked ("system" for an internal command).
 */
public record RunCommandRejected(String orgId, String runId, String command, String status, String reason,
                                 String actor, long tick) implements RunEvent {
    public RunCommandRejected {
        Require.text(runId, "runId");
        Require.text(command, "command");
        Require.text(reason, "reason");
        Require.text(actor, "actor");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
