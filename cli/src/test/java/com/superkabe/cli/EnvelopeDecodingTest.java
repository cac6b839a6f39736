package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.Headers;
import com.superkabe.events.WireRecord;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.send.EmailSent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The replay's envelope decoding (ADR 0046) reaches the codec's envelopes and the codec's errors. */
class EnvelopeDecodingTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final long TIMESTAMP = 1_767_225_600_123L;

    @Test
    void aWellFormedRecordDecodesToTheCodecsEnvelope() {
        for (String stamp : new String[] {"2026-01-01T00:00:00.123456Z", "2026-01-01T00:00:00Z",
            "2026-01-01T01:00:00+01:00"}) {
            Recorded r = record(h -> h.put(Headers.TIME, stamp), null);

            assertThat(TopicHistory.envelope(r)).isEqualTo(codec(r));
        }
    }

    @Test
    void missingOptionalHeadersAreFilledAsTheCodecFillsThem() {
        Recorded r = record(h -> {
            h.remove(Headers.TIME);
            h.remove(Headers.LOGICAL_TIME);
            h.remove(Headers.SOURCE);
            h.remove(Headers.ORG_ID);
            h.remove(Headers.CORRELATION_ID);
        }, null);

        Envelope decoded = TopicHistory.envelope(r);

        assertThat(decoded).isEqualTo(codec(r));
        assertThat(decoded.time()).isEqualTo(Instant.ofEpochMilli(TIMESTAMP));
    }

    @Test
    void aBadRecordIsRejectedWithTheCodecsReason() {
        assertSameError(record(h -> h.put(Headers.TIME, "yesterday"), null));
        assertSameError(record(h -> h.put(Headers.LOGICAL_TIME, "x"), null));
        assertSameError(record(h -> h.remove(Headers.ID), null));
        assertSameError(record(h -> h.remove(Headers.TYPE), null));
        assertSameError(record(h -> h.put(Headers.TYPE, "superkabe.nothing.v1"), null));
        assertSameError(record(h -> h.put(Headers.TYPE, EventType.CLOCK_TICKED.wireName()), null));
        assertSameError(record(h -> { }, "{\"orgId\":"));
        assertSameError(record(h -> { }, ""));
    }

    @Test
    void anUndecodableRecordIsKeptWithItsReasonInsteadOfStoppingTheRead() {
        Recorded bad = record(h -> h.put(Headers.TIME, "yesterday"), null);

        Recorded decoded = TopicHistory.decoded(bad);

        assertThat(decoded.envelope()).isNull();
        assertThat(decoded.error()).contains("yesterday");
        assertThat(TopicHistory.decoded(new EventCodecSample().tick()).envelope().payload())
                .isInstanceOf(ClockTicked.class);
    }

    private static void assertSameError(Recorded r) {
        String expected = null;
        try {
            codec(r);
        } catch (RuntimeException e) {
            expected = e.getMessage();
        }
        assertThat(expected).as("the codec rejects it").isNotNull();
        assertThat(TopicHistory.decoded(r).error()).isEqualTo(expected);
    }

    private static Envelope codec(Recorded r) {
        return CODEC.decode(new EventCodec.Origin(r.topic(), r.partition(), r.offset(), r.timestamp()), r.headers(),
                r.value());
    }

    private static Recorded record(Consumer<Map<String, String>> change, String value) {
        EmailSent sent = new EmailSent("org-1", "s-1", "run-1", "c-1", "lead-1", "mb-1", 0, "ada@lead.test",
                "<s-1@test>", 7);
        WireRecord w = CODEC.encode(new Envelope("e-1", EventType.EMAIL_SENT, "test",
                Instant.parse("2026-01-01T00:00:00.5Z"), "org-1", "cause-1", "corr-1", 7, sent));
        Map<String, String> headers = new LinkedHashMap<>(w.headers());
        change.accept(headers);
        byte[] bytes = value == null ? w.value() : value.getBytes(StandardCharsets.UTF_8);
        return new Recorded(w.topic(), 0, 3, TIMESTAMP, w.key(), headers, Map.of(), bytes, null, null);
    }

    /** A clock tick as the clock publishes it. */
    private static final class EventCodecSample {
        Recorded tick() {
            ClockTicked t = new ClockTicked(8, Instant.parse("2026-01-01T00:08:00Z"), 60);
            WireRecord w = CODEC.encode(new Envelope("t-8", EventType.CLOCK_TICKED, "clock",
                    Instant.parse("2026-01-01T00:08:00Z"), "system", null, "t-8", 8, t));
            return new Recorded(w.topic(), 0, 0, TIMESTAMP, w.key(), w.headers(), Map.of(), w.value(), null, null);
        }
    }
}
