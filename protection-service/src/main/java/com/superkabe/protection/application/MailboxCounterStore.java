package com.superkabe.protection.application;

import com.superkabe.protection.domain.MailboxCounters;
import java.util.Optional;

/** Port: the counters of every mailbox protection has heard of. */
public interface MailboxCounterStore {

    /**
     * Serialises, until the current transaction ends, every change to one mailbox's counters:
     * registrations and outcomes arrive on different listener threads.
     */
    void lock(String mailboxId);

    Optional<MailboxCounters> find(String mailboxId);

    void save(MailboxCounters counters);
}
