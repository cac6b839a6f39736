package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.WireRecord;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.reply.BounceReason;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendFailureClass;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The replay's own payload reader (ADR 0062) reaches the codec's records, and leaves every other shape to it. */
class FastPayloadsTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String SENT = "{\"orgId\":\"org-1\",\"sendId\":\"s-1\",\"runId\":\"run-1\",\"campaignId\":\"c-1\","
            + "\"leadId\":\"lead-1\",\"mailboxId\":\"mb-1\",\"step\":2,\"recipient\":\"ada@lead.test\","
            + "\"messageId\":\"<s-1@test>\",\"requestTick\":7}";

    @Test
    void everyPayloadTheCodecWritesDecodesToTheCodecsRecord() {
        for (SuperkabeEvent e : samples(new Random(7), 400)) {
            byte[] json = CODEC.toJson(e);

            SuperkabeEvent fast = FastPayloads.decode(json, e.getClass());

            assertThat(fast).as(new String(json, StandardCharsets.UTF_8)).isNotNull()
                    .isEqualTo(CODEC.fromJson(json, e.getClass())).isEqualTo(e);
        }
    }

    @Test
    void whitespaceBetweenTokensReadsAsWithout() {
        String spaced = SENT.replace(":", " :\n ").replace(",", " ,\t").replace("{", " { ").replace("}", " } ");

        assertThat(FastPayloads.decode(bytes(spaced), EmailSent.class))
                .isEqualTo(CODEC.fromJson(bytes(SENT), EmailSent.class));
    }

    @Test
    void shapesTheCodecDoesNotWriteAreLeftToTheCodecWhoseAnswerStands() {
        List<String> others = List.of(
                SENT.replace("\"ada@lead.test\"", "\"ada\\u0040lead.test\""),
                SENT.replace("ada@lead.test", "adé@lead.test"),
                SENT.replace("\"step\":2", "\"step\":2,\"extra\":1"),
                SENT.replace("\"step\":2", "\"step\":2,\"step\":3"),
                SENT.replace("\"step\":2,", ""),
                SENT.replace("\"step\":2", "\"step\":2.0"),
                SENT.replace("\"step\":2", "\"step\":\"2\""),
                SENT.replace("\"step\":2", "\"step\":02"),
                SENT.replace("\"step\":2", "\"step\":null"),
                SENT.replace("\"step\":2", "\"step\":2147483648"),
                SENT.replace("\"requestTick\":7", "\"requestTick\":1e3"),
                SENT.replace("\"requestTick\":7", "\"requestTick\":99999999999999999999"),
                SENT.replace("\"sendId\":\"s-1\"", "\"sendId\":\" \""),
                SENT.replace("\"runId\":\"run-1\"", "\"runId\":7"),
                SENT + " x",
                SENT.replace("}", ",}"),
                "[" + SENT + "]",
                "{\"orgId\":");
        for (String json : others) {
            assertThat(FastPayloads.decode(bytes(json), EmailSent.class)).as(json).isNull();
            assertThat(decodedThroughTheReplay(json)).as(json).isEqualTo(decodedByTheCodec(json));
        }
    }

    @Test
    void anEnumValueThatIsNoConstantNameIsLeftToTheCodec() {
        String failed = new String(CODEC.toJson(new EmailSendFailed("org-1", "s-1", null, null, null, "mb-1", 0,
                "ada@lead.test", "HARD_BOUNCE", 550, "5.1.1", 3, SendFailureClass.RECIPIENT, null)),
                StandardCharsets.UTF_8);

        assertThat(FastPayloads.decode(bytes(failed.replace("RECIPIENT", "recipient")), EmailSendFailed.class)).isNull();
        assertThat(FastPayloads.decode(bytes(failed.replace("\"RECIPIENT\"", "2")), EmailSendFailed.class)).isNull();
        assertThat(FastPayloads.decode(bytes(failed), EmailSendFailed.class))
                .isEqualTo(CODEC.fromJson(bytes(failed), EmailSendFailed.class));
    }

    @Test
    void typesItDoesNotReadAreLeftToTheCodec() {
        assertThat(FastPayloads.decode(bytes("{\"tick\":1,\"logicalInstant\":\"2026-01-01T00:00:00Z\",\"periodSeconds\":60}"),
                com.superkabe.events.clock.ClockTicked.class)).isNull();
    }

    /** The envelope (or the reason it is refused) that the replay's decoding gives for an EmailSent record. */
    private static String decodedThroughTheReplay(String json) {
        Recorded r = TopicHistory.decoded(record(json));
        return r.envelope() != null ? r.envelope().toString() : "refused: " + r.error();
    }

    private static String decodedByTheCodec(String json) {
        Recorded r = record(json);
        try {
            return CODEC.decode(new EventCodec.Origin(r.topic(), r.partition(), r.offset(), r.timestamp()), r.headers(),
                    r.value()).toString();
        } catch (RuntimeException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static Recorded record(String json) {
        EmailSent sent = new EmailSent("org-1", "s-1", "run-1", "c-1", "lead-1", "mb-1", 2, "ada@lead.test",
                "<s-1@test>", 7);
        WireRecord w = CODEC.encode(new Envelope("e-1", EventType.EMAIL_SENT, "test",
                Instant.parse("2026-01-01T00:00:00.5Z"), "org-1", "cause-1", "corr-1", 7, sent));
        return new Recorded(w.topic(), 0, 3, 1_767_225_600_123L, w.key(), w.headers(), Map.of(), bytes(json), null,
                null);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Payloads of every type read here, with absent optional fields, negative and extreme numbers. */
    private static List<SuperkabeEvent> samples(Random random, int each) {
        List<SuperkabeEvent> out = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            long tick = random.nextBoolean() ? random.nextInt(1000) : random.nextLong();
            int code = random.nextBoolean() ? 550 : random.nextInt();
            out.add(new EmailSent("org-" + i, "s-" + i, maybe(random, "run-" + i), maybe(random, "c-1"),
                    maybe(random, "lead-" + i), "mb-" + i, random.nextInt(5) - 1, maybe(random, "lead@x.test"),
                    "<s-" + i + "@bench>", tick));
            SendFailureClass[] classes = SendFailureClass.values();
            out.add(new EmailSendFailed("org-" + i, "s-" + i, maybe(random, "run-" + i), maybe(random, "c-1"),
                    maybe(random, "lead-" + i), "mb-" + i, i % 3, maybe(random, "lead@x.test"), "HARD_BOUNCE", code,
                    maybe(random, "5.1.1 user unknown"), tick, random.nextBoolean() ? null
                    : classes[random.nextInt(classes.length)], random.nextBoolean() ? null : (long) random.nextInt(1000)));
            BounceReason[] reasons = BounceReason.values();
            out.add(new EmailBounced("org-" + i, "b-" + i, "mb-" + i, maybe(random, "s-" + i), maybe(random, "run-1"),
                    maybe(random, "c-1"), maybe(random, "lead-1"), "lead@x.test", "SOFT",
                    maybe(random, "5.1.1"), Math.abs(code % 1000), maybe(random, "userunknown"), maybe(random, "550 5.1.1 user unknown"),
                    maybe(random, "<dsn@mx>"), maybe(random, "<s@bench>"),
                    random.nextBoolean() ? null : reasons[random.nextInt(reasons.length)]));
            out.add(new EmailBounced("org-" + i, "b-" + i, "mb-" + i, "s-" + i, null, null, null, "lead@x.test", "HARD",
                    "5.1.1", 550, "userunknown", "550 5.1.1 user unknown", null, null,
                    random.nextBoolean() ? null : BounceReason.USER_UNKNOWN));
            out.add(new MailboxStateChanged("org-" + i, "mb-" + i, maybe(random, "d.test"), "warming", "paused",
                    "bounce_threshold", "5 bounces in 100 sends", "ENFORCE", random.nextBoolean(),
                    "system", random.nextBoolean(), maybe(random, "careful"), tick, -tick,
                    random.nextBoolean(), random.nextBoolean()));
            out.add(new DomainStateChanged("org-" + i, "d" + i + ".test", "healthy", "paused", "correlation",
                    "3 of 4 mailboxes unhealthy", "ENFORCE", random.nextBoolean(), "system",
                    random.nextBoolean(), maybe(random, "w"), tick, random.nextInt(100), random.nextInt(100)));
        }
        return out;
    }

    private static String maybe(Random random, String value) {
        return random.nextInt(4) == 0 ? null : value;
    }
}
