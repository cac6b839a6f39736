package com.superkabe.events.send;

import com.superkabe.events.Require;

/**
 * The send did not happen or its outcome is unknown. {@code kind}: HARD_BOUNCE (5xx at SMTP),
 * TRANSIENT (4xx, connection refused before DATA), AMBIGUOUS (lost after DATA: reconciled, never
 * blindly retried), CONFIGURATION (unknown mailbox, bad credentials).
 */
public record EmailSendFailed(String orgId, String sendId, String runId, String campaignId, String leadId,
                              String mailboxId, int step, String recipient, String kind, int smtpCode,
                              String detail, long requestTick) implements SendOutcome {
    public EmailSendFailed {
        Require.text(orgId, "orgId");
        Require.text(sendId, "sendId");
        Require.text(mailboxId, "mailboxId");
        Require.text(kind, "kind");
    }
}
