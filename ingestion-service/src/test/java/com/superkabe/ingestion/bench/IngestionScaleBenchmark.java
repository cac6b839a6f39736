package com.superkabe.ingestion.bench;

import com.superkabe.events.Topic;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.BenchFigures;
import com.superkabe.kit.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Ingestion's intake path at one and at two instances (issue #14 item 3): each instance a Spring
 * context of the real service, the two in one consumer group, on one embedded broker and one
 * PostgreSQL schema, with the same workload. Per instance count, in a fresh schema and group:
 * {@code bench.orgs} organizations (the intake topic is keyed by organization, so they are what
 * spreads the work over its six partitions); a backlog of {@code bench.leads} valid, unique leads
 * waiting on the intake topic, timed from resuming consumption until every decision is on
 * {@code superkabe.leads} (items, per_s); then {@code bench.paced} leads at {@code bench.rate}/s,
 * whose intake-record-to-decision latency (broker timestamps) gives p95_ms. Prints figures; asserts
 * nothing; not in the build. The phases run in one JVM one after the other
 * ({@code -Dbench.instances=1,2}, the default, or 2,1), so the later phase runs with a warmer JIT. Run:
 * {@code ./mvnw -pl ingestion-service test -Dtest=IngestionScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class IngestionScaleBenchmark {

    private static final int ORGS = Integer.getInteger("bench.orgs", 12);
    private static final Pattern SENT_AT = Pattern.compile("t(\\d{13})x");

    @Test
    void measure() throws Exception {
        int backlog = Integer.getInteger("bench.leads", 100_000);
        int paced = Integer.getInteger("bench.paced", 5_000);
        int rate = Integer.getInteger("bench.rate", 1_000);
        for (int instances : BenchFigures.instancePhases()) {
            run(instances, backlog, paced, rate);
        }
    }

    private static void run(int instances, int backlog, int paced, int rate) throws Exception {
        String tag = "scale" + instances + "x" + Long.toHexString(System.nanoTime() & 0xffffff);
        List<ConfigurableApplicationContext> apps = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            apps.add(IngestionApplication.builder().run(TestInfra.args("--logging.level.root=WARN",
                    "--superkabe.admin-token=bench", "--superkabe.ingestion.mx.enabled=false",
                    "--superkabe.schema=ingestion_" + tag,
                    "--spring.flyway.locations=classpath:db/kit,classpath:db/ingestion",
                    "--spring.kafka.consumer.group-id=ingestion-" + tag,
                    "--spring.kafka.consumer.auto-offset-reset=latest", "--superkabe.instance-id=" + tag + "-" + i)));
        }
        String bootstrap = TestInfra.kafka().getBrokersAsString();
        TestHttp http = TestHttp.of(apps.getFirst());
        List<String> orgs = new ArrayList<>();
        for (int o = 0; o < ORGS; o++) {
            orgs.add(http.post("/admin/v1/organizations", "{\"name\":\"Bench " + o + "\"}", "X-Admin-Token", "bench")
                    .json().get("orgId").asString());
        }
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
             KafkaConsumer<String, byte[]> decisions = consumer(bootstrap)) {
            awaitAssigned(apps);
            decisions.poll(Duration.ofSeconds(2));
            List<MessageListenerContainer> intake = apps.stream().map(a -> a.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("ingestion-intake")).toList();
            intake.forEach(MessageListenerContainer::pause);
            Thread.sleep(2_000);
            for (int i = 0; i < backlog; i++) {
                String org = orgs.get(i % orgs.size());
                producer.send(new ProducerRecord<>(Topic.LEAD_INTAKE.topicName(), org, lead(org, tag, "k", i, 0)));
            }
            producer.flush();
            String loadBefore = BenchFigures.loadAverage();
            long start = System.nanoTime();
            intake.forEach(MessageListenerContainer::resume);
            int decided = drain(decisions, tag, backlog, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            String loadAfter = BenchFigures.loadAverage();

            List<Long> latencies = new ArrayList<>();
            long t0 = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < paced; i++) {
                long wait = t0 + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String org = orgs.get(i % orgs.size());
                producer.send(new ProducerRecord<>(Topic.LEAD_INTAKE.topicName(), org,
                        lead(org, tag, "p", i, System.currentTimeMillis())));
            }
            producer.flush();
            drain(decisions, tag, paced, latencies);
            Collections.sort(latencies);

            StringBuilder shares = new StringBuilder();
            for (ConfigurableApplicationContext a : apps) {
                shares.append(shares.isEmpty() ? "" : " ").append(partitions(a));
            }
            System.out.printf("SCALE BENCH service=ingestion instances=%d items=%d per_s=%.0f p95_ms=%d%n", instances,
                    decided, decided / seconds, BenchFigures.percentile(latencies, 0.95));
            Set<Integer> covered = new TreeSet<>();
            orgs.forEach(o -> covered.add(org.apache.kafka.common.utils.Utils.toPositive(
                    org.apache.kafka.common.utils.Utils.murmur2(o.getBytes(StandardCharsets.UTF_8)))
                    % Topic.LEAD_INTAKE.partitions()));
            System.out.printf("SCALE BENCH   ingestion instances=%d: backlog of %d leads over %d organizations "
                            + "(on partitions " + covered + ") decided in %.1f s; intake partitions per instance %s; paced %d at %d/s p50 %d ms "
                            + "p95 %d ms; load before %s, after %s%n", instances, backlog, ORGS, seconds, shares,
                    latencies.size(), rate, BenchFigures.percentile(latencies, 0.50), BenchFigures.percentile(latencies, 0.95), loadBefore, loadAfter);
        } finally {
            apps.reversed().forEach(ConfigurableApplicationContext::close);
        }
    }

    /** A valid, unique lead; the paced ones carry their sending time in the address. */
    private static byte[] lead(String org, String tag, String kind, int i, long sentAt) {
        String email = kind + i + (sentAt > 0 ? "t" + sentAt + "x" : "") + tag + "@bench" + (i % 5000)
                + ".bench-acme.com";
        return ("{\"orgId\":\"" + org + "\",\"email\":\"" + email + "\",\"firstName\":\"F\",\"company\":\"C\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitAssigned(List<ConfigurableApplicationContext> apps) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            int total = 0;
            boolean everyOne = true;
            for (ConfigurableApplicationContext a : apps) {
                int own = partitions(a).size();
                total += own;
                everyOne &= own > 0;
            }
            if (total == Topic.LEAD_INTAKE.partitions() && everyOne) {
                return;
            }
            Thread.sleep(200);
        }
        System.out.println("SCALE BENCH   ingestion: the group did not settle within 2 minutes");
    }

    private static Set<Integer> partitions(ConfigurableApplicationContext app) {
        MessageListenerContainer c = app.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("ingestion-intake");
        var assigned = c == null ? null : c.getAssignedPartitions();
        Set<Integer> result = new TreeSet<>();
        if (assigned != null) {
            assigned.stream().map(TopicPartition::partition).forEach(result::add);
        }
        return result;
    }

    /** Counts this run's decisions on superkabe.leads until {@code expected}. */
    private static int drain(KafkaConsumer<String, byte[]> consumer, String tag, int expected, List<Long> latencies) {
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                String value = new String(r.value(), StandardCharsets.UTF_8);
                if (!value.contains(tag)) {
                    continue;
                }
                seen++;
                if (latencies != null) {
                    Matcher m = SENT_AT.matcher(value);
                    if (m.find()) {
                        latencies.add(r.timestamp() - Long.parseLong(m.group(1)));
                    }
                }
            }
        }
        if (seen < expected) {
            System.out.printf("SCALE BENCH   ingestion: only %d of %d decisions within the time limit%n", seen,
                    expected);
        }
        return seen;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "ingestion-scale-bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(Topic.LEADS.topicName()));
        return c;
    }


}
