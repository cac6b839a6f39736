package com.superkabe.protection.domain;

/**
 * Sender rejections (ADR 0010 §15): a receiver refused a send because of the sending mailbox or its
 * domain — 5.7.x reputation, policy, DNSBL or authentication (SPF/DKIM/DMARC, 5.7.26), the
 * failure class SENDER. They are not the recipient's fault, so they never count as a bounce; they
 * have their own threshold and trigger. A mailbox with {@value #MAILBOX_PAUSE} or more among the
 * last {@code pauseWindow} windowed outcomes (100 by default) is paused; a domain with
 * {@value #DOMAIN_PAUSE_MAILBOXES} or more such mailboxes is paused.
 */
public final class SenderRejections {

    /** The trigger of the pauses this rule decides, on mailbox and domain transitions. */
    public static final String TRIGGER = "sender_rejection";
    /** Sender rejections within the pause window that pause the mailbox. */
    public static final int MAILBOX_PAUSE = 3;
    /** Mailboxes over {@link #MAILBOX_PAUSE} that pause their domain. */
    public static final int DOMAIN_PAUSE_MAILBOXES = 2;

    private SenderRejections() {
    }

    /**
     * Whether the mailbox is paused by its own offence with the sender-rejection threshold reached —
     * what its domain counts. A mailbox that served its cooldown (quarantine onwards) no longer
     * counts, so the domain can recover by the ratio rule.
     */
    public static boolean pausedFor(MailboxState m, ProtectionPolicy p) {
        return m.status() == MailboxStatus.PAUSED && m.cascadeFrom() == null
                && m.window().senderRejections(p.pauseWindow()) >= MAILBOX_PAUSE;
    }
}
