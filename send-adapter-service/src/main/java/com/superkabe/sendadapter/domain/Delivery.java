package com.superkabe.sendadapter.domain;

import com.superkabe.events.send.SendFailureClass;

/**
 * How a delivery attempt ended. {@code kind} is the legacy bounce taxonomy the protection layer reads
 * (SENT, HARD_BOUNCE for 5xx, TRANSIENT, AMBIGUOUS, CONFIGURATION); {@code failureClass} says whose
 * problem a failure is (ADR 0019), null only for SENT. {@code retryAfterSeconds} is the provider's
 * Retry-After, if it gave one. {@code credentialsRefused} marks a refused login (SMTP AUTH, a revoked
 * OAuth grant): the mailbox is disconnected until an operator fixes its credentials.
 */
public record Delivery(String kind, int smtpCode, String detail, SendFailureClass failureClass,
                       Long retryAfterSeconds, boolean credentialsRefused) {

    public Delivery {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind is required");
        }
        if (!"SENT".equals(kind) && failureClass == null) {
            throw new IllegalArgumentException("a failure needs its failureClass");
        }
    }

    public static Delivery sent() {
        return sent("accepted");
    }

    public static Delivery sent(String detail) {
        return new Delivery("SENT", 250, detail, null, null, false);
    }

    /** Nothing was sent and trying again later may work: a 4xx, no connection, a provider's 429/503. */
    public static Delivery transientFailure(int smtpCode, String detail, Long retryAfterSeconds) {
        return new Delivery("TRANSIENT", smtpCode, detail, SendFailureClass.TRANSIENT, retryAfterSeconds, false);
    }

    /** The message may have been accepted: reconcile, never resend. */
    public static Delivery ambiguous(String detail) {
        return new Delivery("AMBIGUOUS", 0, detail, SendFailureClass.AMBIGUOUS, null, false);
    }

    /** The sending mailbox cannot be used (unknown, no settings, undecryptable secret, no mailing address). */
    public static Delivery unusableMailbox(String detail) {
        return new Delivery("CONFIGURATION", 0, detail, SendFailureClass.SENDER, null, false);
    }

    /** The provider refused the mailbox's login: SMTP 535/534/530, an OAuth grant revoked or invalid. */
    public static Delivery credentialsRefused(int smtpCode, String detail) {
        return new Delivery("CONFIGURATION", smtpCode, detail, SendFailureClass.SENDER, null, true);
    }

    /** The login failed for a reason other than refused credentials (no common mechanism, a 504): the mailbox stays connected. */
    public static Delivery loginFailed(int smtpCode, String detail) {
        return new Delivery("CONFIGURATION", smtpCode, detail, SendFailureClass.SENDER, null, false);
    }

    /** This message cannot be sent as it is (it could not be composed, the API refused its content). */
    public static Delivery unsendable(String detail) {
        return new Delivery("CONFIGURATION", 0, detail, SendFailureClass.PERMANENT, null, false);
    }

    /**
     * A server's refusal with a reply code: 4xx is TRANSIENT; 5xx is a HARD_BOUNCE whose class comes from
     * the enhanced status at the head of {@code reply} (5.1.x recipient, 5.7.x sender, otherwise permanent).
     */
    public static Delivery refused(int smtpCode, String reply) {
        if (smtpCode >= 400 && smtpCode < 500) {
            return transientFailure(smtpCode, reply, null);
        }
        SendFailureClass c = smtpCode == 534 ? SendFailureClass.SENDER : SendFailureClass.ofPermanent(smtpCode, reply);
        return new Delivery("HARD_BOUNCE", smtpCode, reply, c, null, false);
    }

    public Delivery withRetryAfter(Long seconds) {
        return new Delivery(kind, smtpCode, detail, failureClass, seconds, credentialsRefused);
    }

    public Delivery withDetail(String newDetail) {
        return new Delivery(kind, smtpCode, newDetail, failureClass, retryAfterSeconds, credentialsRefused);
    }

    public boolean succeeded() {
        return "SENT".equals(kind);
    }

    public boolean ambiguous() {
        return failureClass == SendFailureClass.AMBIGUOUS;
    }
}
