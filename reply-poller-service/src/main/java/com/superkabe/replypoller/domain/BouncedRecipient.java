package com.superkabe.replypoller.domain;

/**
 * One recipient a bounce reports as failed: enhanced {@code status} (RFC 3463, e.g. 5.1.1, may be
 * null), SMTP reply code (0 when none), a short {@code reason} (userunknown, mailboxfull, ...), the
 * class, and the MTA's diagnostic text (trimmed, may be empty).
 */
public record BouncedRecipient(String recipient, BounceClass bounceClass, String status, int smtpCode,
                               String reason, String diagnostic) {
}
