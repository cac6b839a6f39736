package com.superkabe.protection.adapter.out.jdbc;

import com.superkabe.protection.domain.MailboxState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the store already knows inside the current transaction: the advisory locks it holds (taking
 * one again is a wasted round trip), the rows of mailboxes it holds the lock of (nobody else can
 * change them until commit, and every write here goes through the store) and the clock it read.
 * A batch of outcomes thus costs a few statements per outcome instead of eight. Outside a
 * transaction nothing is remembered.
 */
final class TxCache {

    /** A mailbox row as last read or written in this transaction. */
    record Row(MailboxState state, int warmupLimit) {
    }

    final Set<String> locked = new HashSet<>();
    final Map<String, Row> mailboxes = new HashMap<>();
    Long tick;

    static TxCache current(Object owner) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new TxCache();
        }
        TxCache c = (TxCache) TransactionSynchronizationManager.getResource(owner);
        if (c == null) {
            TxCache created = new TxCache();
            TransactionSynchronizationManager.bindResource(owner, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
            c = created;
        }
        return c;
    }

    boolean holdsMailbox(String mailboxId) {
        return locked.contains("mailbox:" + mailboxId);
    }
}
