package com.superkabe.protection.application;

import com.superkabe.protection.domain.MailboxCounters;
import java.util.Optional;

/** Reads for the API, always scoped to the calling organization. */
public class MailboxQueries {

    private final MailboxCounterStore store;

    public MailboxQueries(MailboxCounterStore store) {
        this.store = store;
    }

    /** The mailbox if it belongs to {@code orgId}; another organization's mailbox does not exist for it. */
    public Optional<MailboxCounters> mailbox(String orgId, String mailboxId) {
        return store.find(mailboxId).filter(m -> m.orgId().equals(orgId));
    }
}
