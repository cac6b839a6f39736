package com.superkabe.events.send;

import com.superkabe.events.Require;

/**
 * The recipient of a delivered email asked to receive no more email from the organization.
 * Published at most once per send, with a deterministic event id, however often the link is used.
 * {@code method}: ONE_CLICK (an RFC 8058 {@code List-Unsubscribe=One-Click} POST, usually sent by the
 * mailbox provider) or LINK (the confirmation page reached from the link). Consumers suppress the
 * address org-wide (ingestion: lead status UNSUBSCRIBED) and end the run (sequencer); it is a
 * compliance fact (CAN-SPAM, CASL, GDPR Art. 21), never a weak signal.
 */
public record EmailUnsubscribed(String orgId, String sendId, String runId, String campaignId, String leadId,
                                String mailboxId, int step, String email, String messageId, String method)
        implements EmailEngagement {
    public EmailUnsubscribed {
        Require.text(orgId, "orgId");
        Require.text(sendId, "sendId");
        Require.text(mailboxId, "mailboxId");
        Require.text(email, "email");
        Require.text(method, "method");
    }
}
