package com.superkabe.protection.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The mailbox states. The seed's "recovering" is the three healing phases (quarantine,
 * restricted_send, warm_recovery); "active" is a legacy alias of healthy.
 */
public enum MailboxStatus {
    HEALTHY(true), WARNING(true), WARMING(true), PAUSED(false), QUARANTINE(false), RESTRICTED_SEND(true),
    WARM_RECOVERY(true);

    private final boolean canSend;

    MailboxStatus(boolean canSend) {
        this.canSend = canSend;
    }

    /** Whether the state itself lets the mailbox send (the mode decides whether that is enforced). */
    public boolean canSend() {
        return canSend;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; "active" reads as healthy. Empty for anything else. */
    public static Optional<MailboxStatus> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("active")) {
            return Optional.of(HEALTHY);
        }
        for (MailboxStatus s : values()) {
            if (s.wire().equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A healing phase: a bounce here is a relapse. */
    public boolean recovering() {
        return this == RESTRICTED_SEND || this == WARM_RECOVERY;
    }
}
