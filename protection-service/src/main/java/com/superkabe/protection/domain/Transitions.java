package com.superkabe.protection.domain;

import static com.superkabe.protection.domain.MailboxStatus.HEALTHY;
import static com.superkabe.protection.domain.MailboxStatus.PAUSED;
import static com.superkabe.protection.domain.MailboxStatus.QUARANTINE;
import static com.superkabe.protection.domain.MailboxStatus.RESTRICTED_SEND;
import static com.superkabe.protection.domain.MailboxStatus.WARMING;
import static com.superkabe.protection.domain.MailboxStatus.WARM_RECOVERY;
import static com.superkabe.protection.domain.MailboxStatus.WARNING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The valid mailbox transitions. The decider never leaves this table (a bug would throw, and the
 * property test would catch it); operators leave it only with {@code force: true}. A domain
 * cascade may pause any sending state and restore exactly the state it froze.
 */
public final class Transitions {

    private static final Map<MailboxStatus, Set<MailboxStatus>> ALLOWED = Map.of(
            HEALTHY, EnumSet.of(WARNING, PAUSED, WARMING),
            WARNING, EnumSet.of(HEALTHY, PAUSED),
            WARMING, EnumSet.of(HEALTHY, WARNING, PAUSED),
            PAUSED, EnumSet.of(QUARANTINE),
            QUARANTINE, EnumSet.of(RESTRICTED_SEND, PAUSED),
            RESTRICTED_SEND, EnumSet.of(WARM_RECOVERY, QUARANTINE, PAUSED),
            WARM_RECOVERY, EnumSet.of(HEALTHY, QUARANTINE, PAUSED));

    private Transitions() {
    }

    public static boolean allowed(MailboxStatus from, MailboxStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Guards every system-decided move. */
    static void check(MailboxStatus from, MailboxStatus to, String trigger, MailboxStatus cascadeFrom) {
        boolean cascade = "domain_cascade".equals(trigger)
                && ((to == PAUSED && from.canSend()) || (from == PAUSED && to == cascadeFrom));
        if (!cascade && !allowed(from, to)) {
            throw new IllegalStateException("invalid mailbox transition " + from + " -> " + to + " (" + trigger + ")");
        }
    }
}
