package com.superkabe.kit.jdbc;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read-through cache for a service's own view tables. Writers call {@link #invalidate}, which
 * drops the entry now and again after the transaction ends, so a reader can never keep a value
 * older than the last commit for longer than {@code ttl}. Only for data this service alone writes.
 */
public final class ReadCache<K, V> {

    private record Entry<V>(Optional<V> value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public ReadCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        long now = System.nanoTime();
        Entry<V> hit = entries.get(key);
        if (hit != null && hit.expiresAt() - now > 0) {
            return hit.value();
        }
        Optional<V> loaded = loader.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(loaded, now + ttlNanos));
        return loaded;
    }

    /** The cached value if fresh, without loading. */
    public Optional<Optional<V>> peek(K key) {
        Entry<V> hit = entries.get(key);
        return hit != null && hit.expiresAt() - System.nanoTime() > 0 ? Optional.of(hit.value()) : Optional.empty();
    }

    public void put(K key, Optional<V> value) {
        entries.put(key, new Entry<>(value, System.nanoTime() + ttlNanos));
    }

    public void invalidate(K key) {
        entries.remove(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.remove(key);
                }
            });
        }
    }
}
