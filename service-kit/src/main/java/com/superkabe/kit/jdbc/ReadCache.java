package com.superkabe.kit.jdbc;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read-through cache for a service's own view tables. Writers call {@link #invalidate}; from then
 * on the writing transaction reads that key from the database (it sees its own uncommitted write),
 * and every key carries a version bumped by each invalidation and again when the writing
 * transaction ends, so a load that started before a commit can never put its older value back.
 * Only for data this service alone writes; {@code ttl} bounds anything else.
 */
public final class ReadCache<K, V> {

    private record Entry<V>(Optional<V> value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, Long> versions = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public ReadCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        Optional<Optional<V>> hit = peek(key);
        if (hit.isPresent()) {
            return hit.get();
        }
        long version = versions.getOrDefault(key, 0L);
        Optional<V> loaded = loader.apply(key);
        put(key, loaded, version);
        return loaded;
    }

    /** The cached value if fresh and not written by the current transaction, without loading. */
    public Optional<Optional<V>> peek(K key) {
        if (writtenInThisTransaction().contains(key)) {
            return Optional.empty();
        }
        Entry<V> hit = entries.get(key);
        return hit != null && hit.expiresAt() - System.nanoTime() > 0 ? Optional.of(hit.value()) : Optional.empty();
    }

    /** The version to pass to {@link #put} for a value about to be loaded. */
    public long version(K key) {
        return versions.getOrDefault(key, 0L);
    }

    /** Caches a loaded value unless the key was invalidated since {@code loadedAtVersion} or by this transaction. */
    public void put(K key, Optional<V> value, long loadedAtVersion) {
        if (writtenInThisTransaction().contains(key) || versions.getOrDefault(key, 0L) != loadedAtVersion) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, System.nanoTime() + ttlNanos));
    }

    public void invalidate(K key) {
        versions.merge(key, 1L, Long::sum);
        entries.remove(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            writtenInThisTransaction().add(key);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    versions.merge(key, 1L, Long::sum);
                    entries.remove(key);
                }
            });
        }
    }

    private Set<K> writtenInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        Set<K> written = (Set<K>) TransactionSynchronizationManager.getResource(this);
        if (written == null) {
            Set<K> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReadCache.this);
                }
            });
            written = fresh;
        }
        return written;
    }
}
