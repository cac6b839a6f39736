package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What the sequencer's application tests share: inputs as the ordered queue delivers them, and the sends decided. */
final class TestInputs {

    private TestInputs() {
    }

    /** The {@code index}-th input of a test's history, with an id derived from its position. */
    static Envelope envelope(int index, SuperkabeEvent payload) {
        String id = "in-" + index;
        return new Envelope(id, EventType.of(payload), "test", Instant.EPOCH, payload.orgId(), null, id, -1, payload);
    }

    /** Every send requested in a replayed history, by tick then run id. */
    static List<SendRequested> sends(Map<String, List<RunEvent>> history) {
        return history.values().stream().flatMap(List::stream).filter(SendRequested.class::isInstance)
                .map(SendRequested.class::cast)
                .sorted(Comparator.comparingLong(SendRequested::tick).thenComparing(SendRequested::runId))
                .toList();
    }
}
