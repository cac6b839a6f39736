package com.superkabe.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.kit.jdbc.Lease;
import com.superkabe.kit.jdbc.LeaseLostException;
import com.superkabe.kit.testing.TestInfra;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two relays of one service on one real PostgreSQL schema and a real broker (ADR 0050): one relays, the
 * other stands by; when the active one's database connection dies mid-stream, the standby takes over
 * and per-key order holds for a consumer that skips event ids it has seen.
 */
class OutboxRelayFailoverTest {

    static final String SCHEMA = "kit_relay";
    // short enough for a quick test, long enough that a loaded machine does not lose the lease between batches
    static final Duration TTL = Duration.ofSeconds(6);
    static final Duration EVERY = Duration.ofMillis(500);
    static final int BATCH = 50;

    @BeforeAll
    static void schema() {
        TestInfra.postgres();
        Flyway.configure().dataSource(plain()).schemas(SCHEMA).locations("classpath:db/kit").load().migrate();
    }

    static PGSimpleDataSource plain() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TestInfra.jdbcUrl());
        ds.setUser("postgres");
        ds.setPassword("postgres");
        ds.setCurrentSchema(SCHEMA);
        return ds;
    }

    /** One connection for the whole relay, named, so the test can kill it as a dying process would lose it. */
    static DataSource singleConnection(String name) {
        String url = TestInfra.jdbcUrl() + (TestInfra.jdbcUrl().contains("?") ? "&" : "?")
                + "currentSchema=" + SCHEMA + "&ApplicationName=" + name;
        return new SingleConnectionDataSource(url, "postgres", "postgres", true);
    }

    static OutboxRelay relay(DataSource ds, String holder, KafkaTemplate<String, byte[]> kafka) {
        return relay(ds, holder, kafka, TTL);
    }

    static OutboxRelay relay(DataSource ds, String holder, KafkaTemplate<String, byte[]> kafka, Duration ttl) {
        JdbcClient jdbc = JdbcClient.create(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        return new OutboxRelay(jdbc, tx, kafka, Duration.ofMillis(20), BATCH,
                new Lease(jdbc, tx, "outbox", holder, ttl), EVERY, new SimpleMeterRegistry());
    }

    static KafkaTemplate<String, byte[]> producer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().getBrokersAsString());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(p));
    }

    static String newTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfra.kafka().getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
        }
        return name;
    }

    static void insert(JdbcClient jdbc, String topic, String key, int n) {
        jdbc.sql("INSERT INTO outbox (topic, record_key, headers, payload) VALUES (?, ?, '{}', ?)")
                .params(topic, key, (key + ":" + n).getBytes(StandardCharsets.UTF_8)).update();
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().getBrokersAsString());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    static void await(java.util.function.BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void whenTheActiveRelaysConnectionDiesTheStandbyTakesOverAndEveryKeyStaysInOrder() throws Exception {
        // given two relays of one service, A active, B standing by, and a writer filling the outbox
        String topic = newTopic("relay-failover-" + System.nanoTime());
        JdbcClient admin = JdbcClient.create(plain());
        admin.sql("DELETE FROM outbox").update();
        admin.sql("DELETE FROM leases").update();
        KafkaTemplate<String, byte[]> kafkaA = producer();
        KafkaTemplate<String, byte[]> kafkaB = producer();
        OutboxRelay a = relay(singleConnection("relay-a"), "a", kafkaA);
        OutboxRelay b = relay(plain(), "b", kafkaB);
        a.start();
        await(a::active, Duration.ofSeconds(10), "A takes the lease");
        b.start();
        int keys = 6;
        int perKey = 400;
        AtomicBoolean writing = new AtomicBoolean(true);
        JdbcClient writes = JdbcClient.create(singleConnection("writer"));
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int n = 0; n < perKey; n++) {
                for (int k = 0; k < keys; k++) {
                    insert(writes, topic, "k" + k, n);
                }
                if (n % 20 == 0) {
                    try {
                        Thread.sleep(15);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            writing.set(false);
        });
        await(() -> admin.sql("SELECT coalesce(max(id), 0) - count(*) FROM outbox").query(Long.class).single() > 600,
                Duration.ofSeconds(60), "A relays a first part");
        assertThat(admin.sql("SELECT holder FROM leases WHERE name = 'outbox'").query(String.class).single())
                .as("A still holds the lease").isEqualTo("a");
        assertThat(b.active()).as("B stands by while A holds the lease").isFalse();

        // when A's connection dies, as it does when its process is killed
        long killed = System.nanoTime();
        admin.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'relay-a'")
                .query().listOfRows();

        // then B takes over within the lease's time to live and a renewal period (plus slack for a loaded machine)
        await(b::active, TTL.plus(EVERY).plusSeconds(5), "B takes over");
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        writer.join();
        await(() -> admin.sql("SELECT count(*) FROM outbox").query(Long.class).single() == 0,
                Duration.ofSeconds(60), "B relays the rest");
        assertThat(a.active()).as("A, cut off from the database, no longer believes it relays").isFalse();
        a.stop();
        b.stop();
        kafkaA.destroy();
        kafkaB.destroy();

        // and each key's first sightings are exactly 0..perKey-1 in order; copies only of A's batch in flight
        Map<String, List<Integer>> firstSeen = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int copies = 0;
        for (ConsumerRecord<String, byte[]> r : readAll(topic)) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            if (!seen.add(value)) {
                copies++;
                continue;
            }
            firstSeen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.parseInt(value.split(":")[1]));
        }
        for (int k = 0; k < keys; k++) {
            assertThat(firstSeen.get("k" + k)).as("key k%d in order, none missing", k)
                    .isEqualTo(java.util.stream.IntStream.range(0, perKey).boxed().toList());
        }
        assertThat(copies).as("published twice: at most the batch A had in flight when it died").isLessThanOrEqualTo(BATCH);
        System.out.printf("relay failover: B active %d ms after A's connection died; %d copies%n",
                takeover.toMillis(), copies);
    }

    @Test
    void aRelayWhoseLeaseWasTakenOverPublishesNothing() throws Exception {
        // given relay A took the lease, and B took it over once A's tenure ran out
        String topic = newTopic("relay-fenced-" + System.nanoTime());
        JdbcClient admin = JdbcClient.create(plain());
        admin.sql("DELETE FROM outbox").update();
        admin.sql("DELETE FROM leases").update();
        KafkaTemplate<String, byte[]> kafka = producer();
        OutboxRelay a = relay(plain(), "a", kafka, Duration.ofMinutes(5));
        OutboxRelay b = relay(plain(), "b", kafka, Duration.ofMinutes(5));
        assertThat(a.holdsLease()).isTrue();
        admin.sql("UPDATE leases SET expires_at = now() - interval '1 second'").update();
        assertThat(b.holdsLease()).isTrue();
        insert(admin, topic, "k", 0);

        // when A, still believing it holds the lease, relays a batch
        // then the database refuses it and nothing reaches the topic
        assertThatThrownBy(a::relayBatch).isInstanceOf(LeaseLostException.class);
        assertThat(admin.sql("SELECT count(*) FROM outbox").query(Long.class).single()).isEqualTo(1);
        assertThat(readAll(topic)).isEmpty();
        assertThat(b.relayBatch()).isEqualTo(1);
        assertThat(readAll(topic)).hasSize(1);
        kafka.destroy();
    }
}
