package com.superkabe.sequencer.bench;

import java.time.Instant;

/** The benchmark's logical clock: tick 1 at {@link DispatcherBenchmark#FIRST_TICK}, one minute per tick. */
final class BenchClock {

    private BenchClock() {
    }

    static Instant instant(long tick) {
        return DispatcherBenchmark.FIRST_TICK.plusSeconds(60 * (tick - 1));
    }
}
