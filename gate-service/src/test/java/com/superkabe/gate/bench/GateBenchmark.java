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
import com.superkabe.kit.testing.TestInfra;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Load driver for the execution gate through the real broker and database: with 1,000 campaigns and
 * 10,000 mailboxes (on 1,000 domains) in the view, (1) the sustained decision rate for a burst of
 * leads, and (2) enrollment-to-decision latency at a paced 1,000 leads/s. Prints figures; asserts
 * nothing. Run: {@code mvn -f gate-service test -Dtest=GateBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (sizes: -Dbench.burst=20000 -Dbench.paced=10000; -Dbench.orgs=10 spreads the campaigns over ten
 * organizations, so over several partitions and both lead consumers).
 */
class GateBenchmark {

    /** Leads are keyed by organization: one organization is one partition and one lead consumer. */
    private static final int ORGS = Integer.getInteger("bench.orgs", 1);

    @Test
    void measure() throws Exception {
        int burst = Integer.getInteger("bench.burst", 20_000);
        int paced = Integer.getInteger("bench.paced", 10_000);
        ConfigurableApplicationContext gate = GateApplication.builder().run(TestInfra.args("--logging.level.root=WARN"));
        try (KafkaProbe kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
             KafkaConsumer<String, byte[]> decisions = consumer()) {
            List<String> campaigns = seed(kafka, gate.getBean(JdbcClient.class));
            decisions.poll(Duration.ofSeconds(2));

            long start = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                kafka.publishAsync(lead(campaigns.get(i % campaigns.size())));
            }
            kafka.flush();
            drain(decisions, burst, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("GATE BENCH burst: %d decisions in %.1f s = %.0f decisions/s (driver producing meanwhile)%n",
                    burst, seconds, burst / seconds);

            // capacity: the same burst waiting on the topic, so the driver's producer is not competing
            MessageListenerContainer leads = gate.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("gate-leads");
            leads.pause();
            Thread.sleep(2_000);
            for (int i = 0; i < burst; i++) {
                kafka.publishAsync(lead(campaigns.get(i % campaigns.size())));
            }
            kafka.flush();
            JdbcClient jdbc = gate.getBean(JdbcClient.class);
            DbActivity before = DbActivity.read(jdbc);
            long backlogStart = System.nanoTime();
            leads.resume();
            drain(decisions, burst, null);
            double backlogSeconds = (System.nanoTime() - backlogStart) / 1e9;
            System.out.printf("GATE BENCH backlog: %d decisions in %.1f s = %.0f decisions/s (leads waiting on the topic)%n",
                    burst, backlogSeconds, burst / backlogSeconds);
            System.out.printf("GATE BENCH backlog database work: %s%n", DbActivity.read(jdbc).minus(before));

            List<Long> latencies = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < paced; i++) {
                long due = t0 + i * 1_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    // sleep, don't spin: a spinning driver would take one of the two cores from the system
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                kafka.publishAsync(lead(campaigns.get(i % campaigns.size())));
            }
            kafka.flush();
            drain(decisions, paced, latencies);
            Collections.sort(latencies);
            System.out.printf("GATE BENCH paced 1000/s: %d decisions, latency enrollment->decision p50 %d ms, "
                            + "p99 %d ms, max %d ms%n", latencies.size(), pct(latencies, 0.50), pct(latencies, 0.99),
                    latencies.getLast());
            System.out.printf("GATE BENCH peak heap: %d MB%n", peakHeapMb());
        } finally {
            gate.close();
        }
    }

    private static List<String> seed(KafkaProbe kafka, JdbcClient jdbc) throws InterruptedException {
        List<String> campaigns = new ArrayList<>();
        for (int c = 0; c < 1_000; c++) {
            List<String> mailboxes = new ArrayList<>();
            for (int m = 0; m < 10; m++) {
                String id = "mb-" + c + "-" + m;
                String domain = "d" + c + ".test";
                mailboxes.add(id);
                kafka.publishAsync(origin(new MailboxRegistered(org(c), id, id + "@" + domain, domain, "SMTP", 50, null,
                        null)));
            }
            String campaign = "c-" + c;
            campaigns.add(campaign);
            kafka.publishAsync(origin(new CampaignCreated(org(c), campaign, campaign, "ACTIVE", 2, mailboxes)));
        }
        kafka.flush();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && (count(jdbc, "mailbox_view") < 10_000 || count(jdbc, "campaign_view") < 1_000)) {
            Thread.sleep(200);
        }
        System.out.printf("GATE BENCH view: %d mailboxes, %d campaigns%n", count(jdbc, "mailbox_view"),
                count(jdbc, "campaign_view"));
        return campaigns;
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static void drain(KafkaConsumer<String, byte[]> consumer, int expected, List<Long> latencies) {
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                seen++;
                if (latencies != null) {
                    long enrolled = Instant.parse(new String(r.headers().lastHeader("ce_time").value())).toEpochMilli();
                    latencies.add(r.timestamp() - enrolledAt(r, enrolled));
                }
            }
        }
        if (seen < expected) {
            System.out.printf("GATE BENCH: only %d of %d decisions within the time limit%n", seen, expected);
        }
    }

    /** The decision's causing lead was published at its ce_time; the decision carries the lead's id as subject. */
    private static long enrolledAt(ConsumerRecord<String, byte[]> decision, long decisionCeTime) {
        String leadId = new String(decision.headers().lastHeader("ce_subject").value());
        int at = leadId.lastIndexOf('@');
        return at < 0 ? decisionCeTime : Long.parseLong(leadId.substring(at + 1));
    }

    private static String org(int campaign) {
        return "org-bench-" + campaign % ORGS;
    }

    private static Envelope lead(String campaign) {
        String leadId = "lead-" + UUID.randomUUID() + "@" + System.currentTimeMillis();
        String org = org(Integer.parseInt(campaign.substring("c-".length())));
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
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "gate-bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(Topic.GATE_DECISIONS.topicName()));
        return c;
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static long peakHeapMb() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(b -> b.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(b -> b.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
