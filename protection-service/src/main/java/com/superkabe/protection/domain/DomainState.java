package com.superkabe.protection.domain;

/**
 * One organization's sending domain and the mailbox counts its last decision was taken on. After a
 * complaint pause (ADR 0026) the domain is held paused until {@code complaintHoldUntil} (-1: no hold)
 * and its complaint rate counts from {@code complaintsSince} on (-1: the whole window).
 */
public record DomainState(String orgId, String domain, DomainStatus status, int mailboxes, int unhealthy,
                          long complaintHoldUntil, long complaintsSince) {

    public DomainState {
        if (orgId == null || domain == null || status == null) {
            throw new IllegalArgumentException("orgId, domain and status are required");
        }
    }

    /** A domain without a complaint hold. */
    public DomainState(String orgId, String domain, DomainStatus status, int mailboxes, int unhealthy) {
        this(orgId, domain, status, mailboxes, unhealthy, -1, -1);
    }

    public static DomainState healthy(String orgId, String domain) {
        return new DomainState(orgId, domain, DomainStatus.HEALTHY, 0, 0);
    }

    /** The same domain with the counts of a new evaluation. */
    public DomainState counted(int total, int unhealthyMailboxes) {
        return new DomainState(orgId, domain, status, total, unhealthyMailboxes, complaintHoldUntil, complaintsSince);
    }

    DomainState withStatus(DomainStatus to) {
        return new DomainState(orgId, domain, to, mailboxes, unhealthy, complaintHoldUntil, complaintsSince);
    }

    DomainState complaintPaused(long holdUntil, long since) {
        return new DomainState(orgId, domain, DomainStatus.PAUSED, mailboxes, unhealthy, holdUntil, since);
    }

    DomainState withoutHold() {
        return new DomainState(orgId, domain, status, mailboxes, unhealthy, -1, complaintsSince);
    }

    /**
     * Whether a mailbox counts as unhealthy for its domain: failing now (warning, or paused by its
     * own offence). Healing phases and cascade-paused mailboxes count by their own health, so a
     * paused domain can recover once its offenders have served their cooldowns.
     */
    public static boolean unhealthy(MailboxState m) {
        MailboxStatus own = m.ownStatus();
        return own == MailboxStatus.WARNING || (own == MailboxStatus.PAUSED && m.cascadeFrom() == null);
    }
}
