package com.superkabe.protection.domain;

import java.util.List;

/**
 * What one command decided: the next state, the transitions (published and audited), whether the
 * pause threshold was breached (the caller runs the correlation check before accepting it),
 * whether a DNS check is due, and a refusal (operator requests only) which changes nothing.
 */
public record MailboxDecision(MailboxState state, List<Transition> transitions, boolean pauseBreached,
                              boolean dnsCheckDue, String rejection) {

    public MailboxDecision {
        transitions = List.copyOf(transitions);
    }

    public static MailboxDecision rejected(MailboxState state, String why) {
        return new MailboxDecision(state, List.of(), false, false, why);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
