package com.superkabe.sequencer.application;

/**
 * Which shard of the sequencer owns an organization (ADR 0065): {@code floorMod(orgId.hashCode(), count)}.
 * {@link String#hashCode} is specified by the Java language, so every replica and every replay agrees.
 * An input without an organization belongs to shard 0; the clock belongs to every shard.
 */
public final class Shards {

    private Shards() {
    }

    public static int of(String orgId, int count) {
        if (count <= 1 || orgId == null || orgId.isEmpty()) {
            return 0;
        }
        return Math.floorMod(orgId.hashCode(), count);
    }
}
