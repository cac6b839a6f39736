package com.superkabe.events.protection;

import com.superkabe.events.SuperkabeEvent;

/** Facts about one mailbox's protection state, keyed by mailbox so consumers see them in order. */
public sealed interface MailboxProtectionEvent extends SuperkabeEvent
        permits MailboxStateChanged, MailboxWarmupLimitSet {

    String mailboxId();

    @Override
    default String subject() {
        return mailboxId();
    }

    @Override
    default String partitionKey() {
        return mailboxId();
    }
}
