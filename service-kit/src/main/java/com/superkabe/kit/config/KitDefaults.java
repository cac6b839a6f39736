package com.superkabe.kit.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares (lowest precedence, so a service or deployment overrides any):
 * byte[] values with String keys, manual offset commits after handling, idempotent producers,
 * the consumer group named after the service, Flyway owning the service's schema, and histogram
 * buckets on the standard timers the dashboards show as percentiles.
 */
public class KitDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String service = env.getProperty("spring.application.name", "superkabe");
        String schema = env.getProperty("superkabe.schema", service.replace("-service", "").replace('-', '_'));
        Map<String, Object> d = new HashMap<>();
        d.put("superkabe.schema", schema);
        d.put("spring.kafka.consumer.group-id", service);
        d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        d.put("spring.kafka.consumer.enable-auto-commit", "false");
        // the intake path publishes in Kafka transactions; nobody may act on an aborted one
        d.put("spring.kafka.consumer.isolation-level", "read_committed");
        d.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        d.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        d.put("spring.kafka.consumer.properties.metadata.max.age.ms", "2000");
        // a killed replica's partitions move to the others after 10 s, not the client's default 45 s (ADR 0050)
        d.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
        d.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "3000");
        d.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        d.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        d.put("spring.kafka.producer.acks", "all");
        d.put("spring.kafka.producer.properties.enable.idempotence", "true");
        d.put("spring.kafka.producer.properties.linger.ms", "5");
        d.put("spring.flyway.schemas", schema);
        d.put("spring.flyway.default-schema", schema);
        d.put("spring.flyway.locations", "classpath:db/kit,classpath:db/" + schema);
        d.put("spring.datasource.hikari.schema", schema);
        d.put("spring.datasource.hikari.maximum-pool-size", "8");
        d.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        d.put("spring.mvc.problemdetails.enabled", "false"); // the kit's ProblemHandler renders them
        // OpenAPI 3.1, keys sorted so the document compares stably with docs/openapi.yaml (ADR 0030)
        d.put("springdoc.api-docs.version", "openapi_3_1");
        d.put("springdoc.writer-with-order-by-keys", "true");
        d.put("springdoc.default-produces-media-type", "application/json");
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.metrics.tags.service", service);
        // histogram buckets for the timers the dashboards show as percentiles (docs/metrics.md)
        d.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        d.put("management.metrics.distribution.minimum-expected-value.http.server.requests", "1ms");
        d.put("management.metrics.distribution.maximum-expected-value.http.server.requests", "30s");
        d.put("management.metrics.distribution.percentiles-histogram.hikaricp.connections.acquire", "true");
        d.put("management.metrics.distribution.minimum-expected-value.hikaricp.connections.acquire", "100us");
        d.put("management.metrics.distribution.maximum-expected-value.hikaricp.connections.acquire", "30s");
        env.getPropertySources().addLast(new MapPropertySource("superkabeKitDefaults", d));
    }
}
