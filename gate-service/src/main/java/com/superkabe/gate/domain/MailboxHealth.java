package com.superkabe.gate.domain;

import java.util.Set;

/**
 * The gate's view of one mailbox: its protection state, what triggered it, and its recent sending.
 * A mailbox is usable in the states where the protection layer lets it send (the constrained
 * recovery phases included: their warmup limit is the sequencer's cap, not the gate's business).
 */
public record MailboxHealth(String mailboxId, String domain, String state, String trigger, RiskScore.Inputs risk) {

    private static final Set<String> SENDING_STATES = Set.of("healthy", "active", "warning", "warming",
            "restricted_send", "warm_recovery");

    public boolean usable() {
        return SENDING_STATES.contains(state);
    }
}
