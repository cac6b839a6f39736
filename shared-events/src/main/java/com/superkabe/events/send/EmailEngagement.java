package com.superkabe.events.send;

import com.superkabe.events.SuperkabeEvent;

/**
 * What a recipient did with a delivered email, reported by the send adapter's public tracking
 * routes ({@code /t/o}, {@code /t/c}, {@code /t/u}). Published on the send-outcomes topic, keyed by
 * mailbox like the outcomes, and separate from {@link SendOutcome} so that consumers matching
 * outcomes exhaustively are not affected. Each event names the send it answers ({@code sendId},
 * which is also its subject) and the run, lead and campaign of that send.
 */
public sealed interface EmailEngagement extends SuperkabeEvent permits EmailOpened, EmailClicked, EmailUnsubscribed {

    String sendId();

    String runId();

    String campaignId();

    String leadId();

    String mailboxId();

    int step();

    /** The recipient address the email was delivered to. */
    String email();

    /** The engine-assigned Message-ID of the delivered email, as in {@link EmailSent#messageId()}. */
    String messageId();

    @Override
    default String subject() {
        return sendId();
    }

    @Override
    default String partitionKey() {
        return mailboxId();
    }
}
