package com.superkabe.gate.adapter.out.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read once per transaction and forgotten when it ends. The gate's replicas share one schema,
 * so a value cached across transactions could be another replica's old row: a lead admitted under a
 * campaign's shared lock must see the configuration that lock protects, or the campaign's change has
 * already re-decided the held leads without it (a lost wake-up, ADR 0060). Within a transaction the
 * campaign lock keeps the row still, so one read serves the whole batch. Outside a transaction
 * nothing is kept.
 */
final class TransactionReads<K, V> {

    private final Object resourceKey = new Object();

    /** The value, loading it on the first read of this transaction. */
    Optional<V> get(K key, Function<K, Optional<V>> loader) {
        Map<K, Optional<V>> held = held();
        if (held == null) {
            return loader.apply(key);
        }
        Optional<V> hit = held.get(key);
        if (hit == null) {
            hit = loader.apply(key);
            held.put(key, hit);
        }
        return hit;
    }

    /** The value read earlier in this transaction, if any: outer empty = not read yet. */
    Optional<Optional<V>> peek(K key) {
        Map<K, Optional<V>> held = held();
        return held == null ? Optional.empty() : Optional.ofNullable(held.get(key));
    }

    /** Keeps a value read by a batch statement for the rest of this transaction. */
    void put(K key, Optional<V> value) {
        Map<K, Optional<V>> held = held();
        if (held != null) {
            held.put(key, value);
        }
    }

    /** This transaction wrote the row: the next read goes to the database (and sees the write). */
    void invalidate(K key) {
        Map<K, Optional<V>> held = held();
        if (held != null) {
            held.remove(key);
        }
    }

    private Map<K, Optional<V>> held() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<K, Optional<V>> held = (Map<K, Optional<V>>) TransactionSynchronizationManager.getResource(resourceKey);
        if (held == null) {
            Map<K, Optional<V>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(resourceKey, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
                }
            });
            held = fresh;
        }
        return held;
    }
}
