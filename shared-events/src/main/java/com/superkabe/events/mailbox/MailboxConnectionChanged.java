package com.superkabe.events.mailbox;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * A mailbox's credentials stopped (or started again) working: {@code connected=false} after an
 * SMTP AUTH failure or a revoked OAuth grant, {@code true} once an operator fixed the credentials.
 * A disconnected mailbox is not routed to until it is connected again (ADR 0019).
 */
public record MailboxConnectionChanged(String orgId, String mailboxId, boolean connected, String reason)
        implements SuperkabeEvent {
    public MailboxConnectionChanged {
        Require.text(orgId, "orgId");
        Require.text(mailboxId, "mailboxId");
        Require.text(reason, "reason");
    }

    @Override
    public String subject() {
        return mailboxId;
    }

    @Override
    public String partitionKey() {
        return mailboxId;
    }
}
