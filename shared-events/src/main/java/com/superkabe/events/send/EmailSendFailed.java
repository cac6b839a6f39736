package com.superkabe.events.send;

import com.superkabe.events.Require;

/**
 * The send did not happen or its outcome is unknown. {@code kind} is the bounce taxonomy the
 * protection layer reads: HARD_BOUNCE (5xx at SMTP), TRANSIENT (4xx, connection refused before
 * DATA), AMBIGUOUS (lost after DATA and not found by reconciliation: never blindly retried),
 * CONFIGURATION (unknown mailbox, bad credentials). Optional since the failure classes (ADR 0019):
 * {@code failureClass}, whose problem it is and so what the sequencer does (absent on older events:
 * see {@link #effectiveClass()}); {@code retryAfterSeconds}, the provider's Retry-After, if it gave one.
 */
public record EmailSendFailed(String orgId, String sendId, String runId, String campaignId, String leadId,
                              String mailboxId, int step, String recipient, String kind, int smtpCode,
                              String detail, long requestTick, SendFailureClass failureClass,
                              Long retryAfterSeconds) implements SendOutcome {
    public EmailSendFailed {
        Require.text(orgId, "orgId");
        Require.text(sendId, "sendId");
        Require.text(mailboxId, "mailboxId");
        Require.text(kind, "kind");
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
    }

    /** The version-1 shape, without the optional class and Retry-After. */
    public EmailSendFailed(String orgId, String sendId, String runId, String campaignId, String leadId,
                           String mailboxId, int step, String recipient, String kind, int smtpCode, String detail,
                           long requestTick) {
        this(orgId, sendId, runId, campaignId, leadId, mailboxId, step, recipient, kind, smtpCode, detail, requestTick,
                null, null);
    }

    /** The failure class: as reported, or inferred from the kind, code and detail for older events. */
    public SendFailureClass effectiveClass() {
        return failureClass != null ? failureClass : SendFailureClass.infer(kind, smtpCode, detail);
    }
}
