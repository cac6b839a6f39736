package com.superkabe.sequencer.application;

import java.util.function.Supplier;

/**
 * The shard whose input the current thread is handling (ADR 0065). Each shard's inputs are handled on its
 * own consumer thread; the adapters that keep per-shard state (the logical clock, the due and wait-over
 * scans, the send ledger's bulk-sender count) read it here. Outside a shard's handling it is shard 0,
 * which with one shard is the whole sequencer.
 */
public final class ShardScope {

    private static final ThreadLocal<Integer> CURRENT = new ThreadLocal<>();

    private ShardScope() {
    }

    public static int current() {
        Integer shard = CURRENT.get();
        return shard == null ? 0 : shard;
    }

    public static <T> T in(int shard, Supplier<T> work) {
        Integer before = CURRENT.get();
        CURRENT.set(shard);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    public static void run(int shard, Runnable work) {
        in(shard, () -> {
            work.run();
            return null;
        });
    }
}
