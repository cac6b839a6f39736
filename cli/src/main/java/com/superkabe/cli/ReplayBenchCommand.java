package com.superkabe.cli;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.Service;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.WireRecord;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.send.EmailOpened;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.protection.application.replay.ProtectionReplay;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.Transition;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-replay}: how fast verify's code path replays a recorded history, against a bare
 * consumer reading the same topics in the same run. Not part of CI; see docs/benchmarks.md.
 */
@Command(name = "bench-replay", sortOptions = false, description = {
    "Benchmark: replays protection's recorded history through verify's code path and prints REPLAY BENCH.", "",
    "With --generate N it first records a synthetic history of N events (10,000 mailboxes: sends, hard bounces, "
    + "DSNs, replies, opens, clock ticks, and the state changes the deciders make of them) on the cluster's "
    + "catalogue topics; it refuses to when those topics hold records. Use a scratch broker, never production.", "",
    "Example: ./superkabe bench-replay -b localhost:29092 --generate 10000000"})
public final class ReplayBenchCommand extends TopicCommand {
    @Option(names = "--generate", paramLabel = "N", description = "Record N synthetic events first (empty topics only).")
    long generate;
    @Option(names = "--mailboxes", paramLabel = "M", defaultValue = "10000", description = "Mailboxes of the synthetic history (default: ${DEFAULT-VALUE}).")
    int mailboxes;
    @Option(names = "--tick-every", paramLabel = "K", defaultValue = "350",
            description = "A clock tick (60 s) every K events: 350 spreads 10 M events over about 20 days (default: ${DEFAULT-VALUE}).")
    int tickEvery;
    @Option(names = "--threads", paramLabel = "N",
            description = "Replay threads, as verify's --threads (default: the machine's cores, at least 2).")
    Integer threads;

    private static final List<String> TOPICS = Stream.of(Topic.MAILBOXES, Topic.SEND_OUTCOMES, Topic.REPLIES,
            Topic.CLOCK, Topic.MAILBOX_STATES, Topic.DOMAIN_STATES).map(Topic::topicName).toList();

    @Override
    public Integer call() {
        PrintWriter out = out();
        ProtectionPolicy policy = ProtectionPolicy.defaults(60);
        if (generate > 0) {
            if (count() > 0) {
                throw new InputException("--generate: the catalogue topics already hold records; use a scratch broker");
            }
            long t0 = System.nanoTime();
            long written = new Generator(policy).write(generate);
            out.printf("generated %d records in %.1f s%n", written, (System.nanoTime() - t0) / 1e9);
        }
        long b0 = System.nanoTime();
        long bareCpu0 = processCpuNanos();
        long bare = count();
        double bareSeconds = (System.nanoTime() - b0) / 1e9;
        long bareCpu = processCpuNanos() - bareCpu0;
        long r0 = System.nanoTime();
        long replayCpu0 = processCpuNanos();
        ProtectionHistory.Pass pass = VerifyCommand.run(kafka, policy, threads == null ? ProtectionShards.defaultCount()
                : threads, err());
        int divergences = VerifyCommand.divergences(pass);
        double replaySeconds = (System.nanoTime() - r0) / 1e9;
        long replayCpu = processCpuNanos() - replayCpu0;
        double eventsPerS = pass.records / replaySeconds;
        double barePerS = bare / bareSeconds;
        out.printf("REPLAY BENCH events=%d events_per_s=%.0f bare_consumer_per_s=%.0f ratio=%.3f live_speedup=%.0f%n",
                pass.records, eventsPerS, barePerS, eventsPerS / barePerS, pass.liveSeconds() / replaySeconds);
        out.printf("replayed %d inputs in %.1f s (bare consumer: %d records in %.1f s); live traffic spanned %.1f days;"
                + " %d entities, %d divergences%n", pass.inputs, replaySeconds, bare, bareSeconds,
                pass.liveSeconds() / 86_400.0, pass.published.size(), divergences);
        // wall time follows the machine's load; CPU time does much less (it includes a broker in this JVM)
        out.printf("process CPU: bare consumer %.1f s, replay %.1f s (%.2f CPU-s per 100,000 records vs %.2f)%n",
                bareCpu / 1e9, replayCpu / 1e9, replayCpu / 1e4 / pass.records, bareCpu / 1e4 / Math.max(1, bare));
        return divergences == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** A bare consumer: every record of the topics, counted, nothing decoded. */
    private long count() {
        Properties p = TopicHistory.consumerProperties(kafka);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            Duration timeout = Duration.ofSeconds(kafka.timeoutSeconds());
            List<TopicPartition> parts = c.listTopics(timeout).entrySet().stream()
                    .filter(e -> TOPICS.contains(e.getKey())).flatMap(e -> e.getValue().stream()
                            .map(i -> new TopicPartition(e.getKey(), i.partition()))).toList();
            var end = c.endOffsets(parts, timeout);
            var begin = c.beginningOffsets(parts, timeout);
            long total = parts.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            c.assign(parts);
            c.seekToBeginning(parts);
            long n = 0;
            while (n < total) {
                ConsumerRecords<byte[], byte[]> batch = c.poll(Duration.ofMillis(500));
                n += batch.count();
            }
            return n;
        }
    }

    /** Writes a synthetic history and the state changes the deciders make of it, in one order. */
    private final class Generator {
        private final EventCodec codec = new EventCodec();
        private final ProtectionReplay replay;
        private long written;

        Generator(ProtectionPolicy policy) {
            this.replay = new ProtectionReplay(policy);
        }

        long write(long events) {
            Properties p = new Properties();
            p.put("acks", "1");
            p.put("linger.ms", "50");
            p.put("batch.size", Integer.toString(512 * 1024));
            p.put("compression.type", "lz4");
            Progress progress = new Progress(System.err, "generating", events);
            try (KafkaProducer<String, byte[]> producer = producer(p)) {
                long seed = 42;
                long tick = 0;
                for (int m = 0; m < mailboxes && written < events; m++) {
                    String d = "d" + (m % 1000) + ".bench";
                    input(producer, "reg-" + m, new MailboxRegistered("org-" + (m % 100), "mb-" + m, "mb-" + m + "@" + d,
                            d, "smtp", 50, null, null), tick);
                }
                for (long i = 0; written < events; i++) {
                    if (i % tickEvery == 0) {
                        tick++;
                        input(producer, "tick-" + tick, new ClockTicked(tick, Instant.parse("2026-01-01T00:00:00Z")
                                .plusSeconds(60 * tick), 60), tick);
                        continue;
                    }
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    int r = (int) ((seed >>> 33) % 1000);
                    int m = (int) ((seed >>> 13) % mailboxes);
                    String org = "org-" + (m % 100);
                    String mb = "mb-" + m;
                    String send = "s-" + i;
                    String to = "lead" + (r % 7) + "@" + (r % 4 == 0 ? "gmail.com" : "corp" + (r % 50) + ".example");
                    SuperkabeEvent e;
                    if (r < 15) {
                        e = new EmailSendFailed(org, send, "run-" + i, "c-1", "lead-" + i, mb, 0, to, "HARD_BOUNCE", 550,
                                "5.1.1 user unknown", tick);
                    } else if (r < 25) {
                        e = new EmailBounced(org, "b-" + i, mb, "s-" + (i - 1), "run-" + i, "c-1", "lead-" + i, to,
                                "HARD", "5.1.1", 550, "userunknown", "550 5.1.1 user unknown", "<dsn-" + i + "@mx>",
                                "<s-" + (i - 1) + "@bench>");
                    } else if (r < 55) {
                        e = new ReplyReceived(org, "r-" + i, mb, "s-" + (i - 1), "run-" + i, "lead-" + i,
                                "<s-" + (i - 1) + "@bench>", to, "Re: hello");
                    } else if (r < 135) {
                        e = new EmailOpened(org, "s-" + (i - 1), "run-" + i, "c-1", "lead-" + i, mb, 0, to,
                                "<s-" + (i - 1) + "@bench>");
                    } else {
                        e = new EmailSent(org, send, "run-" + i, "c-1", "lead-" + i, mb, 0, to, "<" + send + "@bench>",
                                tick);
                    }
                    input(producer, "e-" + i, e, tick);
                    if (written % 10_000 == 0) {
                        progress.advance(10_000);
                    }
                }
                producer.flush();
            }
            progress.finish();
            return written;
        }

        private void input(KafkaProducer<String, byte[]> producer, String id, SuperkabeEvent payload, long tick) {
            Envelope cause = new Envelope(id, EventType.of(payload), "bench", Instant.now(), payload.orgId(), null, id,
                    tick, payload);
            send(producer, cause);
            if (!ProtectionReplay.isInput(payload)) {
                return;
            }
            int index = 0;
            for (ProtectionReplay.Decision d : replay.apply(id, payload)) {
                Transition t = d.transition();
                SuperkabeEvent out = t.entityType().equals("domain")
                        ? new DomainStateChanged(d.orgId(), t.entityId(), t.from(), t.to(), t.trigger(), t.reason(),
                        "ENFORCE", true, t.actor(), t.forced(), t.warning(), t.tick(), 0, 0)
                        : new MailboxStateChanged(d.orgId(), t.entityId(), null, t.from(), t.to(), t.trigger(),
                        t.reason(), "ENFORCE", true, t.actor(), t.forced(), t.warning(), t.tick(), t.cooldownUntil(),
                        t.manualReview(), t.canSend());
                send(producer, Envelope.causedBy(cause, index++, Service.PROTECTION, Instant.now(), t.tick(), out));
            }
        }

        private void send(KafkaProducer<String, byte[]> producer, Envelope e) {
            WireRecord w = codec.encode(e);
            ProducerRecord<String, byte[]> rec = new ProducerRecord<>(w.topic(), w.key(), w.value());
            w.headers().forEach((k, v) -> rec.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(rec);
            written++;
        }
    }
}
