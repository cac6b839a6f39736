package com.superkabe.replypoller.domain;

import com.superkabe.events.reply.BounceReason;

/**
 * One recipient a bounce reports as failed or delayed: enhanced {@code status} (RFC 3463, e.g.
 * 5.1.1, may be null), SMTP reply code (0 when none), a short {@code reason} (userunknown,
 * mailboxfull, ...), its {@code category} in the platform's taxonomy, the class, the MTA's
 * diagnostic text (trimmed, may be empty), and whether the report only says delivery is
 * {@code delayed} (RFC 3464 {@code Action: delayed}: still queued, always SOFT).
 */
public record BouncedRecipient(String recipient, BounceClass bounceClass, String status, int smtpCode,
                               String reason, String diagnostic, BounceReason category, boolean delayed) {
}
