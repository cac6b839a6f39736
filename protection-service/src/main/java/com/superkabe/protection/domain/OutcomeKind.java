package com.superkabe.protection.domain;

import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendOutcome;

/**
 * What a send outcome counts as. Only a HARD_BOUNCE is a bounce: a TRANSIENT, AMBIGUOUS or
 * CONFIGURATION failure says nothing about the recipient, so it must not push a mailbox towards a
 * pause. A kind this version does not know counts as OTHER (a failure).
 */
public enum OutcomeKind {
    SENT, HARD_BOUNCE, TRANSIENT, AMBIGUOUS, CONFIGURATION, OTHER;

    public static OutcomeKind of(SendOutcome outcome) {
        return switch (outcome) {
            case EmailSent s -> SENT;
            case EmailSendFailed f -> ofFailure(f.kind());
        };
    }

    private static OutcomeKind ofFailure(String kind) {
        for (OutcomeKind k : values()) {
            if (k != SENT && k.name().equals(kind)) {
                return k;
            }
        }
        return OTHER;
    }

    /** Whether the message left the mailbox (counts towards the sends a bounce rate is taken over). */
    public boolean sent() {
        return this == SENT || this == HARD_BOUNCE;
    }
}
