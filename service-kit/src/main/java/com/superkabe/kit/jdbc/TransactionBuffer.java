package com.superkabe.kit.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects rows written during a transaction and hands them to {@code flush} once, just before
 * commit, so a transaction that decides a thousand things writes them in one JDBC batch instead of
 * a thousand round trips. Rows of a rolled-back transaction are dropped with it.
 */
public final class TransactionBuffer<T> {

    private final Consumer<List<T>> flush;
    private final Runnable afterCommit;

    public TransactionBuffer(Consumer<List<T>> flush) {
        this(flush, () -> {
        });
    }

    public TransactionBuffer(Consumer<List<T>> flush, Runnable afterCommit) {
        this.flush = flush;
        this.afterCommit = afterCommit;
    }

    public void add(T row) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("buffered writes need a transaction; none is active");
        }
        pending().add(row);
    }

    private List<T> pending() {
        @SuppressWarnings("unchecked")
        List<T> rows = (List<T>) TransactionSynchronizationManager.getResource(this);
        if (rows != null) {
            return rows;
        }
        List<T> fresh = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!fresh.isEmpty()) {
                    flush.accept(fresh);
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBuffer.this);
                if (status == STATUS_COMMITTED && !fresh.isEmpty()) {
                    afterCommit.run();
                }
            }
        });
        return fresh;
    }
}
