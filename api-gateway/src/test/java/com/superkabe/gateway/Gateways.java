package com.superkabe.gateway;

import java.util.List;

/** Starting the gateway inside a test JVM whose class path also holds the six services. */
final class Gateways {

    private Gateways() {
    }

    /**
     * The services' jars bring auto-configurations (the kit's, JDBC, Kafka, Flyway) the gateway's own
     * class path does not have; switched off here so the gateway starts as it does alone.
     */
    static List<String> isolatedArgs() {
        return List.of("--server.port=0", "--spring.autoconfigure.exclude="
                + String.join(",", List.of(
                "com.superkabe.kit.config.ServiceKitAutoConfiguration",
                "com.superkabe.kit.web.OpenApiDocs",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")));
    }
}
