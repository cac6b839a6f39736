package com.superkabe.events.send;

import com.superkabe.events.Require;

/** The mail server accepted the message. {@code messageId} is engine-assigned, derived from sendId. */
public record EmailSent(String orgId, String sendId, String runId, String campaignId, String leadId,
                        String mailboxId, int step, String recipient, String messageId, long requestTick)
        implements SendOutcome {
    public EmailSent {
        Require.text(orgId, "orgId");
        Require.text(sendId, "sendId");
        Require.text(mailboxId, "mailboxId");
        Require.text(messageId, "messageId");
    }
}
