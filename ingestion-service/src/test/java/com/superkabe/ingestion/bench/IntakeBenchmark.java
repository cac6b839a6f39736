package com.superkabe.ingestion.bench;

import com.superkabe.events.Topic;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.superkabe.events.EventIds;
import com.superkabe.ingestion.application.Leads;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load driver, prints figures, asserts nothing. (1) The bare ceiling: consume N records and produce
 * N records on the same embedded broker, no database; and the store ceiling: the accepted leads'
 * rows inserted as the intake path inserts them, no Kafka. (2) N leads (90% valid and unique, 5%
 * duplicates, 5% refused) published on the intake topic, timed until every decision event is on
 * superkabe.leads and every accepted lead is stored. (3) An N-row CSV upload end to end. Peak heap
 * is the whole JVM's (broker, PostgreSQL client side, service, driver). Run:
 * {@code mvn -f ingestion-service test -Dtest=IntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.leads=1000000}
 */
class IntakeBenchmark {

    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("bench.leads", 1_000_000);
        // "org": every record keyed by the organization, as the topic's contract says (one partition);
        // "address": keyed by address, spreading one organization over the topic's six partitions
        boolean byAddress = "address".equals(System.getProperty("bench.keys", "org"));
        ConfigurableApplicationContext app = IngestionApplication.builder().run(TestInfra.args(
                "--logging.level.root=WARN", "--superkabe.admin-token=bench", "--superkabe.ingestion.mx.enabled=false"));
        TestHttp http = TestHttp.of(app);
        var org = http.post("/admin/v1/organizations", "{\"name\":\"Bench\"}", "X-Admin-Token", "bench").json();
        String orgId = org.get("orgId").asString();
        String apiKey = org.get("apiKey").asString();
        String bootstrap = TestInfra.kafka().getBrokersAsString();
        JdbcClient jdbc = app.getBean(JdbcClient.class);

        double bare = bare(bootstrap, n);
        System.out.printf("INGESTION BENCH bare consume+produce: %d records in %.1f s = %.0f records/s%n", n,
                n / bare, bare);

        resetPeaks();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
             KafkaConsumer<String, byte[]> decisions = consumer(bootstrap, Topic.LEADS.topicName())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(Topic.LEAD_INTAKE.topicName(),
                        byAddress ? email("k", i) : orgId, leadJson(orgId, "k", i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            double published = (System.nanoTime() - start) / 1e9;
            // every 20th lead is one of a pair of duplicates (half emit nothing), every other 20th is refused
            long expected = n - (n / 20) / 2;
            long seen = count(decisions, expected, "intake");
            long stored = waitStored(jdbc, orgId, "kafka");
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("INGESTION BENCH intake topic, keyed by " + (byAddress ? "address" : "organization")
                    + ": %d leads (published in %.1f s), %d decision events, %d "
                    + "stored, in %.1f s = %.0f leads/s (%.0f%% of bare); peak heap %d MB%n", n, published, seen,
                    stored, s, n / s, 100 * (n / s) / bare, peakHeapMb());
            for (Timer t : app.getBean(MeterRegistry.class).find("superkabe_ingestion_intake_phase").timers()) {
                System.out.printf("INGESTION BENCH   listener phase %-6s: %6.1f s over %d polls (mean %.1f ms)%n",
                        t.getId().getTag("phase"), t.totalTime(TimeUnit.SECONDS), t.count(),
                        t.mean(TimeUnit.MILLISECONDS));
            }
        }

        double store = storeCeiling(app, n - n / 20 - n / 40);
        System.out.printf("INGESTION BENCH store ceiling (lead rows inserted %d per transaction, one thread, no "
                + "Kafka, no judging): %.0f rows/s%n", POLL, store);

        Path csv = Files.createTempFile("bench", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("Work Email,First Name,Last Name,Company,Title\n");
            for (int i = 0; i < n; i++) {
                w.write("csv" + i + "@bench" + (i % 5000) + ".bench-acme.com,First,Last,\"Co, Inc\",CTO\n");
            }
        }
        resetPeaks();
        long t0 = System.nanoTime();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + app.getEnvironment().getProperty("local.server.port") + "/api/v1/leads/csv"))
                .header("Content-Type", "text/csv").header("X-Api-Key", apiKey).timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
        HttpResponse<String> r;
        try (HttpClient client = HttpClient.newHttpClient()) {
            r = client.send(req, HttpResponse.BodyHandlers.ofString());
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("INGESTION BENCH csv upload: %d rows (%d MB) in %.1f s = %.0f rows/s, HTTP %d, report %s; "
                + "peak heap %d MB%n", n, Files.size(csv) >> 20, s, n / s, r.statusCode(),
                r.body().substring(0, Math.min(160, r.body().length())), peakHeapMb());
        Files.delete(csv);
        app.close();
    }

    private static String email(String prefix, int i) {
        return i % 20 == 0 ? "dup" + (i / 40) + "@bench.acme.com"
                : i % 20 == 1 ? (i % 40 == 1 ? "bad" + i + "@@x" : "x" + i + "@mailinator.com")
                : prefix + i + "@bench" + (i % 5000) + ".bench-acme.com";
    }

    private static String leadJson(String orgId, String prefix, int i) {
        String email = email(prefix, i);
        return "{\"orgId\":\"" + orgId + "\",\"email\":\"" + email + "\",\"firstName\":\"F\",\"company\":\"C\"}";
    }

    private static final int POLL = 1700;

    /** What PostgreSQL alone allows: the accepted leads' rows, inserted the way the intake path does. */
    private static double storeCeiling(ConfigurableApplicationContext app, int rows) {
        Leads leads = app.getBean(Leads.class);
        TransactionTemplate tx = app.getBean(TransactionTemplate.class);
        long start = System.nanoTime();
        for (int from = 0; from < rows; from += POLL) {
            List<Leads.Lead> chunk = new ArrayList<>(POLL);
            for (int i = from; i < Math.min(rows, from + POLL); i++) {
                String email = "ceiling" + i + "@bench" + (i % 5000) + ".bench-acme.com";
                chunk.add(new Leads.Lead(EventIds.derive("lead/ceiling/" + email), "ceiling", email, "F", null, "C",
                        null, null, "GREEN", 100, "HELD", "kafka", null, null, false, EventIds.derive("ceiling/" + i)));
            }
            tx.executeWithoutResult(s -> leads.insertAll(chunk));
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    /** Consume N, produce N to another topic, wait for every ack. */
    private static double bare(String bootstrap, int n) throws Exception {
        String in = "bench.bare.in." + UUID.randomUUID();
        String out = "bench.bare.out." + UUID.randomUUID();
        byte[] value = leadJson("org", "b", 7).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(in, "org-" + (i % 6), value));
            }
            producer.flush();
        }
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
             KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, in)) {
            long seen = 0;
            while (seen < n) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    producer.send(new ProducerRecord<>(out, r.key(), r.value()));
                    seen++;
                }
                consumer.commitAsync();
            }
            producer.flush();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static long count(KafkaConsumer<String, byte[]> consumer, long expected, String what) {
        long seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
            seen += consumer.poll(Duration.ofMillis(200)).count();
        }
        return seen;
    }

    private static long waitStored(JdbcClient jdbc, String orgId, String channel) throws InterruptedException {
        long last = -1;
        while (true) {
            long now = jdbc.sql("SELECT count(*) FROM lead WHERE org_id = ? AND channel = ?").params(orgId, channel)
                    .query(Long.class).single();
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(200);
        }
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

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(topic));
        return c;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
