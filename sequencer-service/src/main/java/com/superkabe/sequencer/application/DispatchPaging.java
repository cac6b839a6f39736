package com.superkabe.sequencer.application;

/**
 * How the dispatcher reads due runs: {@code page} runs per query, and at most {@code scanLimit} runs
 * looked at per tick, held or not, so a tick's transaction stays bounded.
 */
public record DispatchPaging(int page, int scanLimit) {

    public static final DispatchPaging DEFAULT = new DispatchPaging(500, 20_000);

    public DispatchPaging {
        if (page < 1 || scanLimit < page) {
            throw new IllegalArgumentException("page must be >= 1 and scanLimit >= page");
        }
    }
}
