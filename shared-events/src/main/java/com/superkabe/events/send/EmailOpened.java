package com.superkabe.events.send;

import com.superkabe.events.Require;

/**
 * The open pixel of a delivered email was fetched (first fetch only: later fetches of the same
 * send's pixel are not reported). A weak signal: mail clients and privacy proxies prefetch images,
 * so it must never drive suppression or stop a sequence.
 */
public record EmailOpened(String orgId, String sendId, String runId, String campaignId, String leadId,
                          String mailboxId, int step, String email, String messageId) implements EmailEngagement {
    public EmailOpened {
        Require.text(orgId, "orgId");
        Require.text(sendId, "sendId");
        Require.text(mailboxId, "mailboxId");
    }
}
