package com.superkabe.e2e;

import com.superkabe.kit.testing.TestInfra;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker of the end-to-end suite: the kit's embedded KRaft broker by default, or, with
 * {@code -Ptestcontainers} (system property {@code superkabe.e2e.broker=testcontainers}), a broker in a
 * container started by Testcontainers ({@code apache/kafka}, tag from {@code superkabe.e2e.kafka-image}).
 * Without a Docker engine the Testcontainers run skips every end-to-end class with a note, instead of
 * failing or quietly falling back to the embedded broker.
 */
public final class E2eBroker {

    static final String MODE = "superkabe.e2e.broker";
    static final String IMAGE = System.getProperty("superkabe.e2e.kafka-image", "apache/kafka:4.2.1");

    private static KafkaContainer container;

    private E2eBroker() {
    }

    static boolean testcontainers() {
        return "testcontainers".equals(System.getProperty(MODE));
    }

    /** Starts the broker once per JVM (each end-to-end class has its own JVM) and returns its bootstrap servers. */
    public static synchronized String bootstrap() {
        if (!testcontainers()) {
            return TestInfra.kafka().getBrokersAsString();
        }
        if (container == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                String note = "-Ptestcontainers: no Docker engine reachable (DOCKER_HOST or /var/run/docker.sock); "
                        + "skipping the end-to-end suite. Without the profile it runs on the embedded broker.";
                System.out.println("NOTE: " + note);
                Assumptions.abort(note);
            }
            KafkaContainer broker = new KafkaContainer(IMAGE)
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                    .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                    .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
            broker.start();
            System.out.println("end-to-end suite on a Testcontainers broker: " + IMAGE + " at " + broker.getBootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
            container = broker;
        }
        return container.getBootstrapServers();
    }

    /**
     * A service's command-line properties: the kit's {@link TestInfra#args} on the embedded broker; with
     * Testcontainers the same properties (TestInfra.serviceProperties, which would start the embedded
     * broker) pointing at the container.
     */
    static String[] args(String... extra) {
        if (!testcontainers()) {
            return TestInfra.args(extra);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.kafka.bootstrap-servers", bootstrap());
        p.put("spring.datasource.url", TestInfra.jdbcUrl());
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "postgres");
        p.put("server.port", "0");
        p.put("superkabe.outbox.poll-interval", "50ms");
        p.put("superkabe.secrets.key", TestInfra.TEST_SECRET_KEY);
        List<String> args = new ArrayList<>();
        p.forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}
