package com.superkabe.cli;

import com.superkabe.events.EventType;
import com.superkabe.events.Headers;
import com.superkabe.protection.application.replay.ProtectionReplay;
import com.superkabe.protection.domain.ProtectionPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Protection's replay on several threads (ADR 0046). Protection decides each organization apart: a
 * mailbox's counts, its domain ({@code orgId/domain}) and the correlation of a pause (the same
 * organization's mailboxes) never read another organization's state. So the merged history is split
 * by organization into shards, each a plain {@link ProtectionHistory.Pass} on its own thread that
 * decodes and replays its records in merge order; every shard gets every clock tick. The shards'
 * entities are then one map again.
 *
 * <p>The split is exact only if no mailbox id is used by two organizations in different shards and
 * every record's {@code orgid} header names its payload's organization. Both are checked; when either
 * fails, {@link #finish()} returns null and the caller replays on one thread.
 */
final class ProtectionShards implements Consumer<Recorded> {

    private static final int BATCH = 512;
    private static final List<Recorded> END = List.of();

    private final ProtectionPolicy policy;
    private final Shard[] shards;
    private long records;
    private long ticks;
    private boolean finished;

    ProtectionShards(ProtectionPolicy policy, int count) {
        this(policy, count, null);
    }

    /** {@code checks}: the recorded correlation checks every shard decides from (ADR 0063), or null. */
    ProtectionShards(ProtectionPolicy policy, int count,
                     com.superkabe.protection.application.replay.CorrelationChecks checks) {
        this(policy, count, checks, null);
    }

    /** {@code dns}: the recorded DNS answers every shard decides from (ADR 0064), or null. */
    ProtectionShards(ProtectionPolicy policy, int count,
                     com.superkabe.protection.application.replay.CorrelationChecks checks,
                     com.superkabe.protection.application.replay.DnsChecks dns) {
        this.policy = policy;
        this.shards = new Shard[count];
        for (int i = 0; i < count; i++) {
            shards[i] = new Shard(i, new ProtectionHistory.Pass(policy, checks).withDnsChecks(dns));
            shards[i].thread.start();
        }
    }

    /** Ticks after {@code tick} are not replayed by any shard (see {@link ProtectionHistory#watermark}). */
    ProtectionShards lastTick(long tick) {
        for (Shard s : shards) {
            s.pass.lastTick(tick);
        }
        return this;
    }

    /** The default number of shards: the machine's cores, at least two. */
    static int defaultCount() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public void accept(Recorded r) {
        records++;
        EventType type = TopicHistory.type(r);
        if (type == null || ProtectionHistory.IGNORED.contains(type)) {
            return;
        }
        if (broadcast(type)) {
            Recorded tick = TopicHistory.decoded(r);
            if (tick.envelope() != null && ProtectionReplay.isInput(tick.envelope().payload())) {
                ticks++;
            }
            for (Shard s : shards) {
                s.add(tick);
            }
            return;
        }
        shards[shardOf(r.headers().get(Headers.ORG_ID))].add(r);
    }

    /** The clock and the service's settings (ADR 0064) are every organization's: every shard replays them. */
    private static boolean broadcast(EventType type) {
        return type == EventType.CLOCK_TICKED || type == EventType.PROTECTION_SETTINGS_PUBLISHED;
    }

    private int shardOf(String orgId) {
        return Math.floorMod(orgId == null ? 0 : orgId.hashCode(), shards.length);
    }

    /**
     * Waits for the shards and joins their entities into one pass, or null when the history cannot be
     * split by organization (a mailbox id under organizations of different shards, or a record whose
     * header names another organization than its payload).
     */
    ProtectionHistory.Pass finish() {
        stop();
        for (Shard s : shards) {
            if (s.failure != null) {
                if (s.failure instanceof RuntimeException e) {
                    throw e;
                }
                throw new IllegalStateException("replay shard " + s.index + " failed", s.failure);
            }
            if (s.misrouted) {
                return null;
            }
        }
        Map<String, Integer> owner = new HashMap<>();
        ProtectionHistory.Pass all = new ProtectionHistory.Pass(policy);
        for (Shard s : shards) {
            ProtectionHistory.Pass p = s.pass;
            List<String> keys = new ArrayList<>(p.replayed.keySet());
            keys.addAll(p.published.keySet());
            p.mailboxIds.forEach(id -> keys.add("mailbox:" + id));
            for (String key : keys) {
                Integer first = owner.putIfAbsent(key, s.index);
                if (first != null && first != s.index) {
                    return null;
                }
            }
            all.replayed.putAll(p.replayed);
            all.published.putAll(p.published);
            all.causes.putAll(p.causes);
            all.mailboxIds.addAll(p.mailboxIds);
            all.inputs += p.inputs;
        }
        // every shard replayed every tick (up to the watermark) and every settings record; count each once
        all.inputs -= (ticks - shards[0].pass.ticksPastWatermark) * (shards.length - 1);
        all.ticksPastWatermark = shards[0].pass.ticksPastWatermark;
        ProtectionHistory.Pass first = shards[0].pass;
        long policies = 0;
        long operators = 0;
        for (Shard s : shards) {
            policies += s.pass.recorded().policies();
            operators += s.pass.recorded().operatorActions();
        }
        all.joined = new ProtectionReplay.Applied(first.recorded().settings(), policies, operators);
        all.firstTick = first.firstTick;
        all.lastTick = first.lastTick;
        all.periodSeconds = first.periodSeconds;
        all.records = records;
        return all;
    }

    /** Ends the shard threads (also when the read failed half-way); idempotent. */
    void stop() {
        if (finished) {
            return;
        }
        finished = true;
        for (Shard s : shards) {
            s.flush();
            s.put(END);
        }
        for (Shard s : shards) {
            try {
                s.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the replay shards", e);
            }
        }
    }

    private final class Shard {
        final int index;
        final ProtectionHistory.Pass pass;
        final BlockingQueue<List<Recorded>> queue = new ArrayBlockingQueue<>(8);
        final Thread thread;
        List<Recorded> batch = new ArrayList<>(BATCH);
        volatile boolean misrouted;
        volatile Throwable failure;

        Shard(int index, ProtectionHistory.Pass pass) {
            this.index = index;
            this.pass = pass;
            this.thread = Thread.ofPlatform().daemon().name("replay-shard-" + index).unstarted(this::run);
        }

        void add(Recorded r) {
            batch.add(r);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        void put(List<Recorded> b) {
            try {
                queue.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing records to the replay", e);
            }
        }

        private void run() {
            try {
                while (true) {
                    List<Recorded> b = queue.take();
                    if (b == END) {
                        return;
                    }
                    if (failure != null) {
                        continue;
                    }
                    for (Recorded r : b) {
                        Recorded d = TopicHistory.decoded(r);
                        if (d.envelope() != null && !broadcast(d.envelope().type())
                                && shardOf(d.envelope().payload().orgId()) != index) {
                            misrouted = true;
                        }
                        pass.accept(d);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
                // keep taking batches so the reader never blocks on a full queue
                drainAfterFailure();
            }
        }

        private void drainAfterFailure() {
            try {
                while (queue.take() != END) {
                    // discard
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
