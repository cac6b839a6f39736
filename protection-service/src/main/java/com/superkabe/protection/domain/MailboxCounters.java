package com.superkabe.protection.domain;

/**
 * What protection knows of one mailbox so far. {@code registered} is false while outcomes have
 * arrived for a mailbox whose MailboxRegistered has not (topics are not ordered relative to each
 * other); {@code address} and {@code domain} are null until it does.
 */
public record MailboxCounters(String mailboxId, String orgId, String address, String domain, boolean registered,
                              long sends, long bounces, long failures) {

    /** The only state until the state machine exists. */
    public static final String HEALTHY = "healthy";

    public MailboxCounters {
        if (mailboxId == null || mailboxId.isBlank()) {
            throw new IllegalArgumentException("mailboxId is required");
        }
        if (orgId == null || orgId.isBlank()) {
            throw new IllegalArgumentException("orgId is required");
        }
        if (sends < 0 || bounces < 0 || failures < 0 || bounces > sends) {
            throw new IllegalArgumentException("counters must be non-negative with bounces <= sends");
        }
    }

    /** A mailbox nothing has been counted for. */
    public static MailboxCounters none(String mailboxId, String orgId) {
        return new MailboxCounters(mailboxId, orgId, null, null, false, 0, 0, 0);
    }

    public String state() {
        return HEALTHY;
    }
}
