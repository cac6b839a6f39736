package com.superkabe.protection.domain;

/**
 * What one send outcome means for the bounce windows (see {@link BounceRule}): a CLEAN send, a
 * COUNTED bounce (the recipient's address) and a SENDER_REJECTION (the receiver refused the
 * sending mailbox or domain: reputation, policy, authentication) enter the window; an EXCLUDED
 * bounce (the platform's own fault) and a FAILURE (transient, ambiguous, configuration) do not.
 */
public enum OutcomeClass {
    CLEAN, COUNTED_BOUNCE, EXCLUDED_BOUNCE, FAILURE, SENDER_REJECTION;

    public boolean entersWindow() {
        return this == CLEAN || this == COUNTED_BOUNCE || this == SENDER_REJECTION;
    }

    /** Held against the mailbox in a healing phase: a counted bounce or a sender rejection is a relapse. */
    public boolean againstSender() {
        return this == COUNTED_BOUNCE || this == SENDER_REJECTION;
    }
}
