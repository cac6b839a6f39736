package com.superkabe.gate.bench;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.gate.GateApplication;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.BenchFigures;
import com.superkabe.kit.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The gate at one and at two instances (issue #14 item 3): each instance a Spring context of the real
 * service, the two in one consumer group, on one embedded broker and one PostgreSQL schema, with the
 * same workload. Per instance count, in a fresh schema and consumer group: 100 campaigns of 10
 * mailboxes over {@code bench.orgs} organizations (leads are keyed by organization, so the
 * organizations are what spreads them over the six partitions); then a backlog of
 * {@code bench.leads} leads waiting on the topic, timed from resuming consumption to the last
 * decision (items, per_s); then a paced {@code bench.paced} leads at {@code bench.rate}/s, whose
 * acceptance-to-decision latency gives p95_ms. Prints figures; asserts nothing. Not in the build
 * (its name matches neither *Test nor *IT). The phases run in one JVM one after the other
 * ({@code -Dbench.instances=1,2}, the default, or 2,1), so the later phase runs with a warmer JIT. Run:
 * {@code ./mvnw -pl gate-service test -Dtest=GateScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class GateScaleBenchmark {

    private static final int ORGS = Integer.getInteger("bench.orgs", 12);
    private static final int CAMPAIGNS = 100;

    @Test
    void measure() throws Exception {
        int backlog = Integer.getInteger("bench.leads", 20_000);
        int paced = Integer.getInteger("bench.paced", 2_000);
        int rate = Integer.getInteger("bench.rate", 500);
        for (int instances : BenchFigures.instancePhases()) {
            run(instances, backlog, paced, rate);
        }
    }

    private static void run(int instances, int backlog, int paced, int rate) throws Exception {
        String tag = "scale" + instances + "x" + Long.toHexString(System.nanoTime() & 0xffffff);
        List<ConfigurableApplicationContext> gates = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            gates.add(GateApplication.builder().run(TestInfra.args("--logging.level.root=WARN",
                    "--superkabe.schema=gate_" + tag, "--spring.flyway.locations=classpath:db/kit,classpath:db/gate",
                    "--spring.kafka.consumer.group-id=gate-" + tag, "--spring.kafka.consumer.auto-offset-reset=latest",
                    "--superkabe.instance-id=" + tag + "-" + i)));
        }
        try (KafkaProbe kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
             KafkaConsumer<String, byte[]> decisions = consumer()) {
            awaitAssigned(gates);
            List<String> campaigns = seed(kafka, gates.getFirst().getBean(JdbcClient.class), tag);
            decisions.poll(Duration.ofSeconds(2));

            List<MessageListenerContainer> leads = gates.stream().map(g -> g.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("gate-leads")).toList();
            leads.forEach(MessageListenerContainer::pause);
            Thread.sleep(2_000);
            for (int i = 0; i < backlog; i++) {
                kafka.publishAsync(lead(tag, campaigns.get(i % campaigns.size())));
            }
            kafka.flush();
            String loadBefore = BenchFigures.loadAverage();
            long start = System.nanoTime();
            leads.forEach(MessageListenerContainer::resume);
            int decided = drain(decisions, backlog, null);
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
                kafka.publishAsync(lead(tag, campaigns.get(i % campaigns.size())));
            }
            kafka.flush();
            drain(decisions, paced, latencies);
            Collections.sort(latencies);

            StringBuilder shares = new StringBuilder();
            for (ConfigurableApplicationContext g : gates) {
                shares.append(shares.isEmpty() ? "" : " ").append(partitions(g, "gate-leads"));
            }
            System.out.printf("SCALE BENCH service=gate instances=%d items=%d per_s=%.0f p95_ms=%d%n", instances,
                    decided, decided / seconds, BenchFigures.percentile(latencies, 0.95));
            Set<Integer> covered = new TreeSet<>();
            for (int o = 0; o < ORGS; o++) {
                covered.add(org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                        org(tag, o).getBytes(StandardCharsets.UTF_8))) % Topic.LEADS.partitions());
            }
            System.out.printf("SCALE BENCH   gate instances=%d: backlog of %d leads over %d organizations (on "
                            + "partitions " + covered + ") drained in "
                            + "%.1f s; lead partitions per instance %s; paced %d at %d/s p50 %d ms p95 %d ms; "
                            + "load before %s, after %s%n", instances, backlog, ORGS, seconds, shares, latencies.size(),
                    rate, BenchFigures.percentile(latencies, 0.50), BenchFigures.percentile(latencies, 0.95), loadBefore, loadAfter);
        } finally {
            gates.reversed().forEach(ConfigurableApplicationContext::close);
        }
    }

    private static void awaitAssigned(List<ConfigurableApplicationContext> gates) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            int leads = 0;
            boolean everyOne = true;
            for (ConfigurableApplicationContext g : gates) {
                Set<Integer> own = partitions(g, "gate-leads");
                leads += own.size();
                everyOne &= !own.isEmpty() && !partitions(g, "gate-config").isEmpty() || gates.size() == 1;
            }
            if (leads == Topic.LEADS.partitions() && everyOne) {
                return;
            }
            Thread.sleep(200);
        }
        System.out.println("SCALE BENCH   gate: the group did not settle within 2 minutes");
    }

    private static Set<Integer> partitions(ConfigurableApplicationContext gate, String listener) {
        MessageListenerContainer c = gate.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(listener);
        var assigned = c == null ? null : c.getAssignedPartitions();
        Set<Integer> result = new TreeSet<>();
        if (assigned != null) {
            assigned.stream().map(TopicPartition::partition).forEach(result::add);
        }
        return result;
    }

    private static List<String> seed(KafkaProbe kafka, JdbcClient jdbc, String tag) throws InterruptedException {
        List<String> campaigns = new ArrayList<>();
        for (int c = 0; c < CAMPAIGNS; c++) {
            List<String> mailboxes = new ArrayList<>();
            for (int m = 0; m < 10; m++) {
                String id = "mb-" + tag + "-" + c + "-" + m;
                String domain = "d" + c + "." + tag + ".test";
                mailboxes.add(id);
                kafka.publishAsync(origin(new MailboxRegistered(org(tag, c), id, id + "@" + domain, domain, "SMTP", 50,
                        null, null)));
            }
            String campaign = "c-" + tag + "-" + c;
            campaigns.add(campaign);
            kafka.publishAsync(origin(new CampaignCreated(org(tag, c), campaign, campaign, "ACTIVE", 2, mailboxes)));
        }
        kafka.flush();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && (count(jdbc, "mailbox_view") < CAMPAIGNS * 10L
                || count(jdbc, "campaign_view") < CAMPAIGNS)) {
            Thread.sleep(200);
        }
        return campaigns;
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** Counts decisions of this run (their lead ids carry the publishing time) until {@code expected}. */
    private static int drain(KafkaConsumer<String, byte[]> consumer, int expected, List<Long> latencies) {
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                var subject = r.headers().lastHeader("ce_subject");
                if (subject == null) {
                    continue;
                }
                String leadId = new String(subject.value(), StandardCharsets.UTF_8);
                if (!leadId.startsWith("lead-")) {
                    continue;
                }
                seen++;
                if (latencies != null) {
                    latencies.add(r.timestamp() - Long.parseLong(leadId.substring(leadId.lastIndexOf('@') + 1)));
                }
            }
        }
        if (seen < expected) {
            System.out.printf("SCALE BENCH   gate: only %d of %d decisions within the time limit%n", seen, expected);
        }
        return seen;
    }

    private static String org(String tag, int campaign) {
        return "org-" + tag + "-" + campaign % ORGS;
    }

    private static Envelope lead(String tag, String campaign) {
        String leadId = "lead-" + UUID.randomUUID() + "@" + System.currentTimeMillis();
        String org = org(tag, Integer.parseInt(campaign.substring(campaign.lastIndexOf('-') + 1)));
        return origin(new LeadAccepted(org, leadId, "x@example.com", "X", null, null, null, campaign, "GREEN", 100,
                "api"));
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "bench", Instant.now(), payload.orgId(), null, id, -1, payload);
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().getBrokersAsString());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "gate-scale-bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(Topic.GATE_DECISIONS.topicName()));
        return c;
    }


}
