package com.superkabe.protection.domain;

/** One organization's sending domain and the mailbox counts its last decision was taken on. */
public record DomainState(String orgId, String domain, DomainStatus status, int mailboxes, int unhealthy) {

    public DomainState {
        if (orgId == null || domain == null || status == null) {
            throw new IllegalArgumentException("orgId, domain and status are required");
        }
    }

    public static DomainState healthy(String orgId, String domain) {
        return new DomainState(orgId, domain, DomainStatus.HEALTHY, 0, 0);
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
