package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.run.RunCompleted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessingOrderTest {

    @Test
    void anInputTheSequencerDecidedAtAnEarlierTickIsReplayedBeforeTheNextTick() {
        Envelope one = tick(1);
        Envelope two = tick(2);
        Envelope late = input("late");
        Map<String, List<SequencerHistory.Published>> published = decided("late", 1);

        List<Envelope> order = ProcessingOrder.of(List.of(one, two, late), published);

        assertThat(order).containsExactly(one, late, two);
    }

    @Test
    void anInputTheSequencerDecidedAfterATickIsReplayedAfterIt() {
        Envelope one = tick(1);
        Envelope early = input("early");
        Envelope two = tick(2);
        Envelope three = tick(3);
        Map<String, List<SequencerHistory.Published>> published = decided("early", 3);

        List<Envelope> order = ProcessingOrder.of(List.of(one, early, two, three), published);

        assertThat(order).containsExactly(one, two, three, early);
    }

    @Test
    void aStaleTickAndInputsThatPublishedNothingKeepTheirMergedPlace() {
        Envelope one = tick(1);
        Envelope a = input("a");
        Envelope three = tick(3);
        Envelope stale = tick(2);
        Envelope b = input("b");

        List<Envelope> order = ProcessingOrder.of(List.of(one, a, three, stale, b), Map.of());

        assertThat(order).containsExactly(one, a, three, stale, b);
    }

    private static Map<String, List<SequencerHistory.Published>> decided(String inputId, long tick) {
        return Map.of("run-1", List.of(new SequencerHistory.Published(new RunCompleted("org", "run-1", tick), inputId)));
    }

    private static Envelope tick(long t) {
        return envelope("tick-" + t, new ClockTicked(t, Instant.parse("2026-05-01T10:00:00Z").plusSeconds(60 * t), 60), t);
    }

    private static Envelope input(String id) {
        return envelope(id, new OrganizationMailingAddressSet("org", "1 Main St, Springfield"), 0);
    }

    private static Envelope envelope(String id, SuperkabeEvent payload, long tick) {
        return new Envelope(id, EventType.of(payload), "test", Instant.EPOCH, payload.orgId(), null, id, tick, payload);
    }
}
