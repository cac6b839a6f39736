package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * Routing chose the run's sending mailbox (ADR 0019): first assignment ({@code fromMailboxId} null)
 * or a move off a mailbox that could not send for longer than the campaign's reassignAfterTicks, or
 * that refused the send. Later steps keep the mailbox while it stays eligible (sticky).
 */
public record RunMailboxAssigned(String orgId, String runId, String fromMailboxId, String toMailboxId,
                                 String reason, long tick) implements RunEvent {
    public RunMailboxAssigned {
        Require.text(runId, "runId");
        Require.text(toMailboxId, "toMailboxId");
        Require.text(reason, "reason");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
