package com.superkabe.events.run;

import com.superkabe.events.Require;
import com.superkabe.events.send.SendFailureClass;

/**
 * A send attempt of the current step failed in a way that is not the lead's fault and not final
 * (ADR 0019): TRANSIENT (retried at {@code dueTick}, after bounded exponential backoff with
 * deterministic jitter or the provider's Retry-After) or SENDER (the step goes back to routing,
 * avoiding {@code mailboxId}, the mailbox that was refused). {@code attempt} is the next attempt's
 * number; its send has a new send id.
 */
public record RunSendRetryScheduled(String orgId, String runId, int step, int attempt, SendFailureClass failureClass,
                                    String mailboxId, String reason, long dueTick, long tick) implements RunEvent {
    public RunSendRetryScheduled {
        Require.text(runId, "runId");
        Require.text(reason, "reason");
        if (failureClass == null) {
            throw new IllegalArgumentException("failureClass is required");
        }
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
