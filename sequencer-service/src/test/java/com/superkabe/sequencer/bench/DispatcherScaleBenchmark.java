package com.superkabe.sequencer.bench;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.kit.jdbc.LeaseKeeper;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.BenchFigures;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sequencer.SequencerApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatcher (the sequencer's tick dispatch, as {@link DispatcherBenchmark} measures it) at one
 * and at two instances (issue #14 item 3), through the whole service: each instance a Spring context
 * of the real sequencer on one embedded broker and one PostgreSQL schema; the two compete for the
 * {@code sequencer} lease (ADR 0052), so the second stands by. Per instance count, in a fresh schema
 * and consumer group: {@code bench.mailboxes} mailboxes, one campaign over them without a send gap,
 * {@code bench.runs} leads allowed by the gate (enrolled as runs), then {@code bench.ticks} ticks
 * published one after the other as soon as the previous one is handled. items = sends requested,
 * per_s = items over the time from the first tick to the last {@code SendRequested} on its topic,
 * p95_ms = the 95th percentile of one tick's handling (publish to the sequencer's clock row moving).
 * The phases run in one JVM, one after the other ({@code -Dbench.instances=1,2}, the default, or 2,1),
 * so the later phase runs with a warmer JIT. {@code -Dbench.shards=S} (default 1) runs the sequencer in S
 * shards (ADR 0065) with one organization per shard, the mailboxes and runs split evenly among them. Prints figures; asserts nothing; not in the build. Run:
 * {@code ./mvnw -pl sequencer-service test -Dtest=DispatcherScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class DispatcherScaleBenchmark {

    private static final Instant EPOCH = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void measure() throws Exception {
        int mailboxes = Integer.getInteger("bench.mailboxes", 200);
        int runs = Integer.getInteger("bench.runs", 6_000);
        int ticks = Integer.getInteger("bench.ticks", 10);
        int shards = Integer.getInteger("bench.shards", 1);
        for (int instances : BenchFigures.instancePhases()) {
            run(instances, shards, mailboxes, runs, ticks);
        }
    }

    /** With {@code shards} > 1 (ADR 0065), one organization per shard, the mailboxes and runs split evenly. */
    private static void run(int instances, int shards, int mailboxCount, int runs, int ticks) throws Exception {
        String tag = "scale" + instances + "x" + Long.toHexString(System.nanoTime() & 0xffffff);
        List<ConfigurableApplicationContext> apps = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            apps.add(SequencerApplication.builder().run(TestInfra.args("--logging.level.root=WARN",
                    "--superkabe.clock.enabled=false", "--superkabe.schema=sequencer_" + tag,
                    "--spring.flyway.locations=classpath:db/kit,classpath:db/sequencer",
                    "--spring.kafka.consumer.group-id=sequencer-" + tag,
                    "--spring.kafka.consumer.auto-offset-reset=latest", "--superkabe.sequencer.shards=" + shards,
                    "--superkabe.instance-id=" + tag + "-" + i, "--superkabe.lease.renew-every=1s")));
        }
        JdbcClient db = apps.getFirst().getBean(JdbcClient.class);
        try (KafkaProbe kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
             KafkaConsumer<String, byte[]> sends = consumer()) {
            await(() -> holders(apps, shards) == Math.min(instances, shards), "every shard held, spread");
            Thread.sleep(3_000); // the holders' listeners join their groups and take their (latest) positions
            sends.poll(Duration.ofSeconds(2));
            List<String> campaigns = new ArrayList<>();
            for (int shard = 0; shard < shards; shard++) {
                campaigns.add(campaign(kafka, db, apps.getLast(), orgOn(shard, shards, tag), tag + "-" + shard,
                        mailboxCount / shards, runs / shards));
            }

            String loadBefore = BenchFigures.loadAverage();
            List<Long> tickMillis = new ArrayList<>();
            long start = System.nanoTime();
            for (long tick = 1; tick <= ticks; tick++) {
                long t0 = System.nanoTime();
                kafka.publish(origin(new ClockTicked(tick, EPOCH.plusSeconds(9 * 3600 + 60 * tick), 60), tick));
                long handled = tick;
                await(() -> db.sql("SELECT count(*) FROM clock_state WHERE id <= ? AND tick >= ?")
                        .params(shards, handled).query(Long.class).single() == shards, "tick " + tick);
                tickMillis.add((System.nanoTime() - t0) / 1_000_000);
            }
            long requested = db.sql("SELECT count(*) FROM send_ledger WHERE campaign_id = ANY(?)")
                    .param(campaigns.toArray(String[]::new)).query(Long.class).single();
            long published = drain(sends, campaigns, requested);
            double seconds = (System.nanoTime() - start) / 1e9;
            String loadAfter = BenchFigures.loadAverage();
            List<Long> sorted = new ArrayList<>(tickMillis);
            Collections.sort(sorted);
            System.out.printf("SCALE BENCH service=dispatcher instances=%d items=%d per_s=%.0f p95_ms=%d%n", instances,
                    published, published / seconds, BenchFigures.percentile(sorted, 0.95));
            System.out.printf("SCALE BENCH   dispatcher instances=%d shards=%d: %d runs, %d mailboxes, %d ticks, %d "
                            + "sends in the ledger, %d SendRequested on the topic in %.1f s; per-tick ms %s; deciding "
                            + "replicas %d; load before %s, after %s%n", instances, shards, runs, mailboxCount, ticks,
                    requested, published, seconds, tickMillis, holders(apps, shards), loadBefore, loadAfter);
        } finally {
            apps.reversed().forEach(ConfigurableApplicationContext::close);
        }
    }

    /** An organization, its mailboxes, one campaign over them without a send gap, and its runs; the campaign id. */
    private static String campaign(KafkaProbe kafka, JdbcClient db, ConfigurableApplicationContext app, String org,
                                   String tag, int mailboxCount, int runs) throws Exception {
        String key = "sk_test_" + UUID.randomUUID();
        kafka.publish(origin(new OrganizationRegistered(org, "Bench", ApiKeys.sha256(key)), -1));
        kafka.publish(origin(new OrganizationMailingAddressSet(org, "Bench Inc., 1 Main St, Springfield, IL 62701"),
                -1));
        List<String> mailboxes = new ArrayList<>();
        for (int m = 0; m < mailboxCount; m++) {
            String mb = "mb-" + tag + "-" + m;
            mailboxes.add(mb);
            kafka.publishAsync(origin(new MailboxRegistered(org, mb, mb + "@d" + (m % 20) + ".bench.test",
                    "d" + (m % 20) + ".bench.test", "SMTP", 1_000, null, null), -1));
        }
        kafka.flush();
        await(() -> db.sql("SELECT count(*) FROM mailbox_availability WHERE org_id = ?").param(org)
                .query(Long.class).single() == mailboxCount, "mailboxes registered");
        TestHttp http = TestHttp.of(app);
        String body = TestHttp.json(Map.of("name", "Scale", "status", "ACTIVE", "mailboxIds", mailboxes,
                "dailyLimit", 1_000_000, "sendGapMinutes", 0,
                "steps", List.of(Map.of("subject", "Hello {{firstName}}", "body", "Hi", "delayTicks", 0))));
        TestHttp.Response created = TestHttp.until(() -> http.post("/api/v1/campaigns", body, "X-Api-Key", key),
                x -> x.status() != 401, Duration.ofSeconds(60));
        if (created.status() != 201) {
            throw new IllegalStateException("campaign not created: " + created.status() + " " + created.body());
        }
        String campaign = created.json().get("campaignId").asString();
        for (int i = 0; i < runs; i++) {
            kafka.publishAsync(origin(new LeadGateAllowed(org, campaign, new LeadSnapshot("lead-" + tag + "-" + i,
                    "lead" + i + "@recipient" + (i % 50) + ".example.com", "Lead", null, null, null), "ENFORCE",
                    List.of()), -1));
        }
        kafka.flush();
        await(() -> db.sql("SELECT count(*) FROM run_view WHERE campaign_id = ?").param(campaign).query(Long.class)
                .single() == runs, "runs enrolled");
        return campaign;
    }

    private static String orgOn(int shard, int shards, String tag) {
        for (int i = 0; ; i++) {
            String org = "org-" + tag + "-" + i;
            if (com.superkabe.sequencer.application.Shards.of(org, shards) == shard) {
                return org;
            }
        }
    }

    /** How many replicas decide: the lease holder with one shard, the replicas holding a shard with several. */
    private static long holders(List<ConfigurableApplicationContext> apps, int shards) {
        return apps.stream().filter(app -> shards == 1
                ? app.getBean("sequencerLease", LeaseKeeper.class).holding()
                : !app.getBean(com.superkabe.sequencer.adapter.in.kafka.SequencerShards.class).held().isEmpty())
                .count();
    }

    private static long drain(KafkaConsumer<String, byte[]> consumer, List<String> campaigns, long expected) {
        long seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                String value = new String(r.value(), StandardCharsets.UTF_8);
                if (campaigns.stream().anyMatch(value::contains)) {
                    seen++;
                }
            }
        }
        return seen;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().getBrokersAsString());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dispatcher-scale-bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(Topic.SEND_REQUESTS.topicName()));
        return c;
    }

    private static Envelope origin(SuperkabeEvent payload, long logicalTime) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "bench", Instant.now(), payload.orgId(), null, id, logicalTime,
                payload);
    }


}
