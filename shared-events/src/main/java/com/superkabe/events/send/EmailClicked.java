package com.superkabe.events.send;

import com.superkabe.events.Require;

/**
 * A tracked link of a delivered email was followed (first click per send and URL only). {@code url}
 * is the destination the recipient was redirected to; it was covered by the link's signature, so
 * it is one the engine itself put in the email.
 */
public record EmailClicked(String orgId, String sendId, String runId, String campaignId, String leadId,
                           String mailboxId, int step, String email, String messageId, String url)
        implements EmailEngagement {
    public EmailClicked {
        Require.text(orgId, "orgId");
        Require.text(sendId, "sendId");
        Require.text(mailboxId, "mailboxId");
        Require.text(url, "url");
    }
}
