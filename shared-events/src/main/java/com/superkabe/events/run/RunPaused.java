package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * The run stopped and waits for an operator: {@code reason} says why, for example a send whose
 * outcome stayed unknown after reconciliation (the message may or may not have left; it is never
 * resent blindly). {@code actor} is "system" or the operator. {@code cause} (optional; absent in
 * older events): OPERATOR, LEAD, POLICY (resumed by a resume), AMBIGUOUS_SEND or SENDER_REFUSALS
 * (continued by a resolve).
 */
public record RunPaused(String orgId, String runId, int step, String reason, String actor, long tick, String cause)
        implements RunEvent {

    public RunPaused(String orgId, String runId, int step, String reason, String actor, long tick) {
        this(orgId, runId, step, reason, actor, tick, null);
    }

    public RunPaused {
        Require.text(runId, "runId");
        Require.text(reason, "reason");
        Require.text(actor, "actor");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
