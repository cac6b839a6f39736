package com.superkabe.events.reply;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * A delivery status notification (RFC 3464 DSN, or an MTA's plain-text bounce) in the mailbox's
 * inbox reports that a message we sent was not delivered to {@code recipient}: the mailbox
 * accepted it at SMTP time and rejected it later (an asynchronous bounce).
 *
 * <p>{@code bounceClass} is HARD when the address itself is permanently invalid (user unknown, no
 * such domain, moved, null MX, with a 5.x.x result: suppress the address) and SOFT for every other
 * failure (4.x.x, mailbox full, message too big, 5.7.x policy or spam blocks: about the message or
 * the sender, not the address); see ADR 0015. Protection's bounce rule (ADR 0010) reads
 * {@code status}, not this class. {@code status} is the enhanced status code
 * (RFC 3463, e.g. {@code 5.1.1}); {@code smtpCode} the SMTP reply code (e.g. 550), 0 when the
 * bounce carries none. {@code reason} is a short code (userunknown, hostunknown, hasmoved,
 * notaccept, mailboxfull, mesgtoobig, blocked, authfailure, ratelimited, spamdetected, expired,
 * suspend, filtered, mailererror, networkerror, systemerror, contenterror, rejected, undefined; finer than
 * {@code category}); {@code diagnostic} the start of the MTA's own text (at most 200
 * characters, may be null). {@code sendId}, {@code runId}, {@code campaignId} and {@code leadId} are
 * set when the bounced message was matched to a send we made, otherwise null.
 * {@code dsnMessageId} is the bounce's own Message-ID and {@code originalMessageId} the
 * Message-ID of the message that bounced (bracketed, null when the bounce does not name it).
 * {@code bounceId} is derived from the mailbox, the DSN's Message-ID and the recipient, so
 * polling the same bounce again yields the same id.
 *
 * <p>Optional since the bounce taxonomy (ADR 0022): {@code category}, the {@link BounceReason} the
 * poller read, which says what the bounce means for the address and for the sender (only
 * {@link BounceReason#USER_UNKNOWN} and {@link BounceReason#HOST_UNKNOWN} with a permanent result are
 * HARD; sender-side reasons count against the mailbox in protection). Absent on older events.
 */
public record EmailBounced(String orgId, String bounceId, String mailboxId, String sendId, String runId,
                           String campaignId, String leadId, String recipient, String bounceClass, String status,
                           int smtpCode, String reason, String diagnostic, String dsnMessageId,
                           String originalMessageId, BounceReason category)
        implements SuperkabeEvent {
    public EmailBounced {
        Require.text(orgId, "orgId");
        Require.text(bounceId, "bounceId");
        Require.text(mailboxId, "mailboxId");
        Require.text(recipient, "recipient");
        Require.text(bounceClass, "bounceClass");
        if (!"HARD".equals(bounceClass) && !"SOFT".equals(bounceClass)) {
            throw new IllegalArgumentException("bounceClass must be HARD or SOFT, was " + bounceClass);
        }
        Require.nonNegative(smtpCode, "smtpCode");
        if (category != null && "HARD".equals(bounceClass) && !category.addressInvalid()) {
            throw new IllegalArgumentException("bounceClass HARD needs an address reason, was " + category);
        }
    }

    /** The version-1 shape, without the optional category. */
    public EmailBounced(String orgId, String bounceId, String mailboxId, String sendId, String runId,
                        String campaignId, String leadId, String recipient, String bounceClass, String status,
                        int smtpCode, String reason, String diagnostic, String dsnMessageId,
                        String originalMessageId) {
        this(orgId, bounceId, mailboxId, sendId, runId, campaignId, leadId, recipient, bounceClass, status, smtpCode,
                reason, diagnostic, dsnMessageId, originalMessageId, null);
    }

    /** The send when matched, otherwise the bounce itself. */
    @Override
    public String subject() {
        return sendId != null ? sendId : bounceId;
    }

    @Override
    public String partitionKey() {
        return mailboxId;
    }
}
