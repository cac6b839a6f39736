package com.superkabe.kit.jdbc;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One named lease in the service's {@code leases} table (ADR 0050): at most one holder at a time, each
 * tenure numbered by an epoch that only grows. Expiry is judged by the database's clock, never by the
 * instances'. Work done under the lease calls {@link #fence()} inside its own transaction: that locks
 * the lease row FOR KEY SHARE and checks holder and epoch. A takeover locks the row FOR UPDATE, which
 * waits for every fenced transaction in flight, and every later transaction of the old holder is
 * refused. A renewal changes no key, so its lock (FOR NO KEY UPDATE) never waits for the holder's
 * own fenced transactions.
 */
public final class Lease {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String name;
    private final String holder;
    private final Duration ttl;
    private volatile long epoch = -1;
    private volatile long renewedAtNanos;

    public Lease(JdbcClient jdbc, TransactionTemplate tx, String name, String holder, Duration ttl) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.name = name;
        this.holder = holder;
        this.ttl = ttl;
    }

    public String name() {
        return name;
    }

    public String holder() {
        return holder;
    }

    /** The epoch this instance holds, or -1. */
    public long epoch() {
        return held() ? epoch : -1;
    }

    /**
     * Whether this instance believes it holds the lease: it took or renewed it less than the lease's time
     * to live ago. Only {@link #fence()} is authoritative; this lets the holder stop before the database
     * would refuse it.
     */
    public boolean held() {
        return epoch > 0 && System.nanoTime() - renewedAtNanos < ttl.toNanos();
    }

    /** Renews the lease if held, else takes it if it is free or expired. Returns whether it is held now. */
    public boolean acquireOrRenew() {
        long started = System.nanoTime();
        long mine = epoch;
        Optional<Long> got = mine > 0 ? renew(mine) : acquire();
        if (got.isPresent()) {
            epoch = got.get();
            renewedAtNanos = started;
            return true;
        }
        epoch = -1;
        return false;
    }

    private Optional<Long> renew(long mine) {
        return inShortLockWait(() -> jdbc.sql("UPDATE leases SET expires_at = now() + :ttl * interval '1 millisecond' "
                        + "WHERE name = :name AND holder = :holder AND epoch = :epoch AND expires_at > now() RETURNING epoch")
                .param("ttl", ttl.toMillis()).param("name", name).param("holder", holder).param("epoch", mine)
                .query(Long.class).optional());
    }

    /**
     * Looks first without locking, so a standby polling a lease that is held never waits for the holder;
     * only a free or expired lease is then locked FOR UPDATE, which waits for the holder's fenced
     * transactions still in flight, and taken under the next epoch.
     */
    private Optional<Long> acquire() {
        Optional<Boolean> free = jdbc.sql("SELECT expires_at <= now() FROM leases WHERE name = ?").param(name)
                .query(Boolean.class).optional();
        if (free.isPresent() && !free.get()) {
            return Optional.empty();
        }
        if (free.isEmpty()) {
            return jdbc.sql("INSERT INTO leases(name, holder, epoch, expires_at) "
                            + "VALUES (:name, :holder, 1, now() + :ttl * interval '1 millisecond') "
                            + "ON CONFLICT (name) DO NOTHING RETURNING epoch")
                    .param("ttl", ttl.toMillis()).param("name", name).param("holder", holder)
                    .query(Long.class).optional();
        }
        return inShortLockWait(() -> {
            boolean expired = jdbc.sql("SELECT expires_at <= clock_timestamp() FROM leases WHERE name = ? FOR UPDATE")
                    .param(name).query(Boolean.class).single();
            if (!expired) {
                return Optional.empty();
            }
            return jdbc.sql("UPDATE leases SET holder = :holder, epoch = epoch + 1, "
                            + "expires_at = clock_timestamp() + :ttl * interval '1 millisecond' WHERE name = :name "
                            + "RETURNING epoch")
                    .param("ttl", ttl.toMillis()).param("name", name).param("holder", holder)
                    .query(Long.class).optional();
        });
    }

    private Optional<Long> inShortLockWait(java.util.function.Supplier<Optional<Long>> statement) {
        return tx.execute(s -> {
            jdbc.sql("SET LOCAL lock_timeout = '" + Math.max(100, ttl.toMillis() / 4) + "ms'").update();
            return statement.get();
        });
    }

    /**
     * Inside the caller's transaction: refuses the transaction unless this instance still holds the lease
     * under its epoch, and keeps a takeover waiting until the transaction ends.
     */
    public void fence() {
        long mine = epoch;
        boolean valid = mine > 0 && jdbc.sql("SELECT epoch FROM leases WHERE name = ? AND holder = ? AND epoch = ? "
                        + "AND expires_at > now() FOR KEY SHARE")
                .params(name, holder, mine).query(Long.class).optional().isPresent();
        if (!valid) {
            epoch = -1;
            throw new LeaseLostException("lease " + name + " is not held by " + holder + " under epoch " + mine);
        }
    }

    /** A condition for the same statement as the write it guards: the lease row, locked FOR KEY SHARE if valid. */
    public String fenceCondition() {
        return "EXISTS (SELECT 1 FROM leases WHERE name = :leaseName AND holder = :leaseHolder AND epoch = :leaseEpoch "
                + "AND expires_at > now() FOR KEY SHARE)";
    }

    /** Binds the parameters of {@link #fenceCondition()} to a statement. */
    public JdbcClient.StatementSpec bindFence(JdbcClient.StatementSpec statement) {
        return statement.param("leaseName", name).param("leaseHolder", holder).param("leaseEpoch", epoch);
    }

    /** Gives the lease up at once, so a standby need not wait for it to expire. */
    public void release() {
        long mine = epoch;
        epoch = -1;
        if (mine > 0) {
            jdbc.sql("UPDATE leases SET expires_at = now() WHERE name = ? AND holder = ? AND epoch = ?")
                    .params(name, holder, mine).update();
        }
    }

    /** Forgets the lease locally (the holder knows it can no longer renew it). */
    public void drop() {
        epoch = -1;
    }
}
