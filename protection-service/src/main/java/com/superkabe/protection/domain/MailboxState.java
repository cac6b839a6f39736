package com.superkabe.protection.domain;

/**
 * Everything protection knows of one mailbox. Outcomes that arrive before the mailbox's
 * registration are windowed ({@code registered} false) and decided on when it registers.
 * Phase counters ({@code cleanInPhase}, {@code sendsInPhase}, {@code bouncesInPhase}) restart at
 * every transition. {@code cascadeFrom} is the state a domain pause froze (null otherwise);
 * {@code cooldownUntil} -1 means none. {@code lastDnsTick} -1: never checked in this phase.
 * {@code complaints}: sends and spam complaints per day of the complaint window (ADR 0026).
 */
public record MailboxState(String mailboxId, String orgId, String address, String domain, boolean registered,
                           MailboxStatus status, Window window, int offences, int relapses, long cooldownUntil,
                           boolean manualReview, long phaseEntered, int cleanInPhase, int sendsInPhase,
                           int bouncesInPhase, MailboxStatus cascadeFrom, boolean domainPaused, long lastDnsTick,
                           boolean lastDnsPassed, long sends, long bounces, long failures,
                           ComplaintWindow complaints) {

    public MailboxState {
        if (mailboxId == null || mailboxId.isBlank() || orgId == null || orgId.isBlank()) {
            throw new IllegalArgumentException("mailboxId and orgId are required");
        }
        if (status == null || window == null) {
            throw new IllegalArgumentException("status and window are required");
        }
        complaints = complaints == null ? ComplaintWindow.EMPTY : complaints;
    }

    /** A mailbox nothing is known of yet. */
    public static MailboxState unknown(String mailboxId, String orgId, ProtectionPolicy policy) {
        return new MailboxState(mailboxId, orgId, null, null, false, MailboxStatus.HEALTHY,
                Window.empty(policy.windowCapacity()), 0, 0, -1, false, 0, 0, 0, 0, null, false, -1, false, 0, 0, 0,
                ComplaintWindow.EMPTY);
    }

    /** The mailbox's own health, seen through a domain cascade. */
    public MailboxStatus ownStatus() {
        return cascadeFrom != null ? cascadeFrom : status;
    }

    MailboxState with(Window w, long s, long b, long f) {
        return new MailboxState(mailboxId, orgId, address, domain, registered, status, w, offences, relapses,
                cooldownUntil, manualReview, phaseEntered, cleanInPhase, sendsInPhase, bouncesInPhase, cascadeFrom,
                domainPaused, lastDnsTick, lastDnsPassed, s, b, f, complaints);
    }

    MailboxState withComplaints(ComplaintWindow w) {
        return new MailboxState(mailboxId, orgId, address, domain, registered, status, window, offences, relapses,
                cooldownUntil, manualReview, phaseEntered, cleanInPhase, sendsInPhase, bouncesInPhase, cascadeFrom,
                domainPaused, lastDnsTick, lastDnsPassed, sends, bounces, failures, w);
    }

    MailboxState withPhaseCounters(int clean, int sent, int bounced) {
        return new MailboxState(mailboxId, orgId, address, domain, registered, status, window, offences, relapses,
                cooldownUntil, manualReview, phaseEntered, clean, sent, bounced, cascadeFrom, domainPaused,
                lastDnsTick, lastDnsPassed, sends, bounces, failures, complaints);
    }

    MailboxState registeredAs(String addr, String dom) {
        return new MailboxState(mailboxId, orgId, addr, dom, true, status, window, offences, relapses,
                cooldownUntil, manualReview, phaseEntered, cleanInPhase, sendsInPhase, bouncesInPhase, cascadeFrom,
                domainPaused, lastDnsTick, lastDnsPassed, sends, bounces, failures, complaints);
    }

    MailboxState withDns(long tick, boolean passed) {
        return new MailboxState(mailboxId, orgId, address, domain, registered, status, window, offences, relapses,
                cooldownUntil, manualReview, phaseEntered, cleanInPhase, sendsInPhase, bouncesInPhase, cascadeFrom,
                domainPaused, tick, passed, sends, bounces, failures, complaints);
    }

    MailboxState withDomainPaused(boolean paused) {
        return new MailboxState(mailboxId, orgId, address, domain, registered, status, window, offences, relapses,
                cooldownUntil, manualReview, phaseEntered, cleanInPhase, sendsInPhase, bouncesInPhase, cascadeFrom,
                paused, lastDnsTick, lastDnsPassed, sends, bounces, failures, complaints);
    }

    /** Enters {@code to} at {@code tick}: phase counters and DNS result restart. */
    MailboxState entering(MailboxStatus to, long tick, int offs, int rel, long cooldown, boolean review,
                          MailboxStatus cascade) {
        return new MailboxState(mailboxId, orgId, address, domain, registered, to, window, offs, rel, cooldown, review,
                tick, 0, 0, 0, cascade, domainPaused, -1, false, sends, bounces, failures, complaints);
    }

    /** Status change that keeps the phase (a domain cascade freezing or restoring the mailbox). */
    MailboxState frozenAs(MailboxStatus to, MailboxStatus cascade) {
        return new MailboxState(mailboxId, orgId, address, domain, registered, to, window, offences, relapses,
                cooldownUntil, manualReview, phaseEntered, cleanInPhase, sendsInPhase, bouncesInPhase, cascade,
                domainPaused, lastDnsTick, lastDnsPassed, sends, bounces, failures, complaints);
    }
}
