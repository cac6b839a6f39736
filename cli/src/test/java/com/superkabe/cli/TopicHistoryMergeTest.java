package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.send.EmailSendFailed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The merge of partitions into one history (ADR 0040): records written in the same millisecond keep
 * the order their events were decided in, whatever their topics are called.
 */
class TopicHistoryMergeTest {

    static final long SAME_MS = 1_767_225_600_000L;
    static final Instant DECIDED = Instant.ofEpochMilli(SAME_MS);

    @Test
    void aHardBounceDecidedBeforeTheNextTickInTheSameMillisecondIsMergedBeforeTheTick() {
        Recorded bounce = recorded("superkabe.send-outcomes", failure(), DECIDED.plusNanos(100_000), 7);
        Recorded tick = recorded("superkabe.clock", new ClockTicked(8, DECIDED, 60), DECIDED.plusNanos(300_000), 8);

        List<String> merged = merge(List.of(tick), List.of(bounce));

        assertThat(merged).containsExactly("superkabe.send-outcomes", "superkabe.clock");
    }

    @Test
    void eventsStampedInTheSameMicrosecondAreMergedByLogicalTime() {
        Recorded reply = recorded("superkabe.replies", reply(), DECIDED, 9);
        Recorded bounce = recorded("superkabe.send-outcomes", failure(), DECIDED, 8);

        List<String> merged = merge(List.of(reply), List.of(bounce));

        assertThat(merged).containsExactly("superkabe.send-outcomes", "superkabe.replies");
    }

    @Test
    void recordsOfDifferentMillisecondsAreMergedByTheirTimestampsWhateverTheirStamps() {
        Recorded early = recorded("superkabe.send-outcomes", SAME_MS, failure(), DECIDED.plusSeconds(5), 9);
        Recorded late = recorded("superkabe.clock", SAME_MS + 1, new ClockTicked(8, DECIDED, 60), DECIDED, 8);

        List<String> merged = merge(List.of(late), List.of(early));

        assertThat(merged).containsExactly("superkabe.send-outcomes", "superkabe.clock");
    }

    private static List<String> merge(List<Recorded> first, List<Recorded> second) {
        List<String> out = new ArrayList<>();
        TopicHistory.Merge merge = new TopicHistory.Merge(r -> out.add(r.topic()));
        TopicPartition a = new TopicPartition(first.getFirst().topic(), 0);
        TopicPartition b = new TopicPartition(second.getFirst().topic(), 0);
        merge.open(a);
        merge.open(b);
        first.forEach(r -> merge.add(a, r));
        second.forEach(r -> merge.add(b, r));
        merge.endOf(a);
        merge.endOf(b);
        merge.drain();
        return out;
    }

    @Test
    void theOrderComesFromTheHeadersSoAnUndecodedRecordIsMergedAsItsDecodedSelf() {
        Recorded bounce = recorded("superkabe.send-outcomes", failure(), DECIDED.plusNanos(100_000), 7);
        Recorded tick = recorded("superkabe.clock", new ClockTicked(8, DECIDED, 60), DECIDED.plusNanos(300_000), 8);
        Recorded undecodedTick = new Recorded(tick.topic(), 0, 0, SAME_MS, "k", tick.headers(), Map.of(),
                "{not json".getBytes(), null, null);

        assertThat(TopicHistory.Merge.before(bounce, undecodedTick)).isTrue();
        assertThat(TopicHistory.Merge.before(undecodedTick, bounce)).isFalse();
    }

    @Test
    void aRecordWithoutAStampIsOrderedByItsTimestampAtMillisecondPrecision() {
        Recorded stamped = recorded("superkabe.send-outcomes", failure(), DECIDED.plusNanos(100_000), 7);
        Recorded unstamped = new Recorded("superkabe.clock", 0, 0, SAME_MS, "k", Map.of(), Map.of(), new byte[0],
                null, null);

        assertThat(TopicHistory.Merge.before(unstamped, stamped)).isTrue();
    }

    private static Recorded recorded(String topic, SuperkabeEvent payload, Instant stamped, long logicalTime) {
        return recorded(topic, SAME_MS, payload, stamped, logicalTime);
    }

    private static Recorded recorded(String topic, long timestamp, SuperkabeEvent payload, Instant stamped,
                                     long logicalTime) {
        Envelope envelope = envelope(payload, stamped, logicalTime);
        return new Recorded(topic, 0, 0, timestamp, "k", new EventCodec().encode(envelope).headers(), Map.of(),
                new byte[0], envelope, null);
    }

    private static Envelope envelope(SuperkabeEvent payload, Instant stamped, long logicalTime) {
        return new Envelope("e-" + payload.hashCode(), EventType.of(payload), "test", stamped, payload.orgId(), null,
                "c", logicalTime, payload);
    }

    private static EmailSendFailed failure() {
        return new EmailSendFailed("org-1", "s-1", "run-1", "c-1", "lead-1", "mb-1", 0, "ada@lead.test",
                "HARD_BOUNCE", 550, "5.1.1 user unknown", 7);
    }

    private static ReplyReceived reply() {
        return new ReplyReceived("org-1", "r-1", "mb-1", "s-1", "run-1", "lead-1", "<s-1@test>", "ada@lead.test",
                "Re: hi");
    }
}
