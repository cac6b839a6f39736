package com.superkabe.kit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real parts integration tests run against, started once per test JVM: a Kafka KRaft broker
 * (spring-kafka-test) and a PostgreSQL server (zonky, real binaries). Each service gets its own
 * schema, as in production.
 */
public final class TestInfra {

    /** A fixed platform key for tests only. */
    public static final String TEST_SECRET_KEY = "c3VwZXJrYWJlLXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmc=";

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedPostgres postgres;

    private TestInfra() {
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(Map.of("auto.create.topics.enable", "true",
                    "group.initial.rebalance.delay.ms", "0",
                    "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                    "log.dir", System.getProperty("java.io.tmpdir") + "/superkabe-kafka-" + ProcessHandle.current().pid()));
            broker.afterPropertiesSet();
            kafka = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        }
        return kafka;
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres pg = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the process is exiting anyway
                }
            }));
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return postgres().getJdbcUrl("postgres", "postgres");
    }

    /** Properties pointing one service at the shared broker and database, on a random HTTP port. */
    public static Map<String, Object> serviceProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.kafka.bootstrap-servers", kafka().getBrokersAsString());
        p.put("spring.datasource.url", jdbcUrl());
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "postgres");
        p.put("server.port", "0");
        p.put("superkabe.outbox.poll-interval", "50ms");
        p.put("superkabe.secrets.key", TEST_SECRET_KEY);
        return p;
    }

    /** The same properties as command-line arguments, which outrank the service's own YAML. */
    public static String[] args(String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>();
        serviceProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(java.util.List.of(extra));
        return args.toArray(String[]::new);
    }

    public static void register(DynamicPropertyRegistry registry) {
        serviceProperties().forEach((k, v) -> registry.add(k, () -> v));
    }
}
