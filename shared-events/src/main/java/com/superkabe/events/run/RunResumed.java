package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * An operator resumed a paused run. {@code action}: RESEND (send the current step again, with a
 * new send id), DROP (count the current step as done and go on to the next) or RESUME (continue
 * where it stopped). The next step, if any, is due at {@code dueTick}.
 */
public record RunResumed(String orgId, String runId, int step, String action, String actor, String reason,
                         long dueTick, long tick) implements RunEvent {
    public RunResumed {
        Require.text(runId, "runId");
        Require.text(action, "action");
        Require.text(actor, "actor");
        Require.text(reason, "reason");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
