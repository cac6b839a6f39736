package com.superkabe.protection.bench;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.protection.ProtectionApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Time from publishing a mailbox's fifth hard bounce to its MailboxStateChanged(to=paused) on
 * superkabe.mailbox-states, through the real embedded broker and PostgreSQL, with 10,000 mailboxes
 * on 1,000 domains registered and a background load of 2,000 send outcomes/s. Run:
 * {@code mvn -f protection-service test -Dtest=BrokerLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (-Dbench.samples=50 -Dbench.rate=2000 to change the defaults).
 */
class BrokerLatencyBenchmark {

    static final int MAILBOXES = 10_000;
    static final int DOMAINS = 1_000;
    static final int SAMPLES = Integer.getInteger("bench.samples", 50);
    static final int RATE = Integer.getInteger("bench.rate", 2_000);

    final Map<String, Long> pausedAt = new ConcurrentHashMap<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicLong produced = new AtomicLong();

    @Test
    void fifthBounceToPausedUnderBackgroundLoad() throws Exception {
        ConfigurableApplicationContext app = ProtectionApplication.builder().run(TestInfra.args());
        KafkaProbe kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        try {
            long t0 = System.nanoTime();
            for (int m = 0; m < MAILBOXES; m++) {
                String domain = "d" + (m % DOMAINS) + ".bench";
                kafka.publishAsync(origin(new MailboxRegistered("org-b", mb(m), mb(m) + "@" + domain, domain, "smtp",
                        50, null, null)));
            }
            kafka.flush();
            await(() -> jdbc.sql("SELECT count(*) FROM mailbox_state WHERE registered").query(Long.class).single()
                    >= MAILBOXES, Duration.ofMinutes(5));
            System.out.printf("BENCH registered %,d mailboxes on %,d domains in %.1f s%n", MAILBOXES, DOMAINS,
                    (System.nanoTime() - t0) / 1e9);
            Thread watcher = Thread.ofPlatform().start(this::watchPauses);
            Thread load = Thread.ofPlatform().start(() -> background(kafka));
            Thread.sleep(5_000); // let the background load reach a steady state
            long loadStart = System.nanoTime();
            long handledBefore = handled(jdbc);
            long producedBefore = produced.get();
            long[] latencies = samples(kafka);
            double seconds = (System.nanoTime() - loadStart) / 1e9;
            long producedDuring = produced.get() - producedBefore;
            long handledDuring = handled(jdbc) - handledBefore;
            running.set(false);
            load.join();
            watcher.join();
            report(latencies, producedDuring / seconds, handledDuring / seconds, kafka, jdbc);
        } finally {
            running.set(false);
            kafka.close();
            app.close();
        }
    }

    /** Outcomes handled so far: the inbox holds one row per consumed event. */
    private static long handled(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM counted_sends").query(Long.class).single();
    }

    private long[] samples(KafkaProbe kafka) throws InterruptedException {
        long[] latencies = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int m = MAILBOXES - 1 - i * 7; // a mailbox the background load never bounces, one per domain
            for (int b = 0; b < 4; b++) {
                kafka.publish(origin(failed(mb(m), "pre-" + m + "-" + b)));
            }
            Thread.sleep(300); // the four earlier bounces are handled; only the fifth is timed
            long start = System.nanoTime();
            kafka.publish(origin(failed(mb(m), "fifth-" + m)));
            long deadline = start + Duration.ofSeconds(30).toNanos();
            while (!pausedAt.containsKey(mb(m)) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            latencies[i] = pausedAt.getOrDefault(mb(m), Long.MAX_VALUE) - start;
        }
        return latencies;
    }

    /** Sends at RATE/s to the first 9,000 mailboxes (the sampled ones stay out of the load). */
    private void background(KafkaProbe kafka) {
        long start = System.nanoTime();
        long n = 0;
        while (running.get()) {
            long due = (System.nanoTime() - start) * RATE / 1_000_000_000L;
            for (; n < due; n++) {
                int m = (int) (n * 7919 % 9_000);
                kafka.publishAsync(origin(new EmailSent("org-b", "bg-" + n, "run-" + n, "c-1", "lead-" + n, mb(m), 0,
                        "lead" + n + "@prospect" + (n % 50) + ".test", "<bg-" + n + "@bench>", 0)));
                produced.incrementAndGet();
            }
            kafka.flush();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void watchPauses() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().getBrokersAsString());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p);
             KafkaProbe decoder = new KafkaProbe(TestInfra.kafka().getBrokersAsString())) {
            c.subscribe(List.of(Topic.MAILBOX_STATES.topicName()));
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(5))) {
                    long now = System.nanoTime();
                    if (decoder.decode(r).payload() instanceof MailboxStateChanged s && "paused".equals(s.to())) {
                        pausedAt.putIfAbsent(s.mailboxId(), now);
                    }
                }
            }
        }
    }

    private static void report(long[] latencies, double producedRate, double handledRate, KafkaProbe kafka,
                               JdbcClient jdbc) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        List<String> ms = new ArrayList<>();
        for (long l : latencies) {
            ms.add(l == Long.MAX_VALUE ? "timeout" : String.valueOf(l / 1_000_000));
        }
        System.out.printf("BENCH samples (ms): %s%n", ms);
        System.out.printf("BENCH fifth bounce -> paused: n=%d p50=%d ms p99=%d ms max=%d ms%n", sorted.length,
                pct(sorted, 0.50), pct(sorted, 0.99), sorted[sorted.length - 1] / 1_000_000);
        System.out.printf("BENCH background: offered %.0f outcomes/s, protection handled %.0f outcomes/s "
                + "(target %d/s)%n", producedRate, handledRate, RATE);
    }

    private static long pct(long[] sorted, double q) {
        long v = sorted[(int) Math.ceil(q * sorted.length) - 1];
        return v == Long.MAX_VALUE ? -1 : v / 1_000_000;
    }

    private static void await(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(200);
        }
    }

    private static String mb(int m) {
        return "mb-" + m;
    }

    private static EmailSendFailed failed(String mailboxId, String sendId) {
        return new EmailSendFailed("org-b", sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                sendId + "@prospect.test", "HARD_BOUNCE", 550, "5.1.1 user unknown", 0);
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "bench", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
