package com.superkabe.cli;

import com.superkabe.events.Envelope;
import com.superkabe.events.clock.ClockTicked;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the sequencer handled its inputs, rebuilt from what it published (ADR 0056).
 *
 * <p>The sequencer decides an input at the tick it has read when the input reaches it, and stamps
 * that tick on every run event it publishes for it. The merge of its input topics orders records by
 * their producers' clocks, which can put a gate decision just after a tick the sequencer had not yet
 * read (or, across a failover, several ticks early). So each input is placed in the tick bucket its
 * published run events name — after that tick, before the next — and an input that published nothing
 * keeps the bucket the merge gave it. Ticks keep their merged place (a late, stale tick stays late,
 * as the sequencer saw it). Within a bucket, the merge order stands.
 */
final class ProcessingOrder {

    private record Placed(Envelope input, long bucket, int clockFirst, int index) {
    }

    private ProcessingOrder() {
    }

    static List<Envelope> of(List<Envelope> merged, Map<String, List<SequencerHistory.Published>> published) {
        Map<String, Long> decidedAt = new HashMap<>();
        published.values().forEach(events -> events.forEach(p -> {
            if (p.causeId() != null) {
                decidedAt.merge(p.causeId(), p.event().tick(), Math::min);
            }
        }));
        List<Placed> placed = new ArrayList<>(merged.size());
        long clock = Long.MIN_VALUE;
        for (int i = 0; i < merged.size(); i++) {
            Envelope e = merged.get(i);
            if (e.payload() instanceof ClockTicked t) {
                clock = Math.max(clock, t.tick());
                placed.add(new Placed(e, clock, 0, i));
            } else {
                placed.add(new Placed(e, decidedAt.getOrDefault(e.id(), clock), 1, i));
            }
        }
        placed.sort(Comparator.comparingLong(Placed::bucket).thenComparingInt(Placed::clockFirst)
                .thenComparingInt(Placed::index));
        return placed.stream().map(Placed::input).toList();
    }
}
