package com.superkabe.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the six services as the local stack runs it: its port and the properties it needs here. */
record ServiceSpec(String name, int port, List<String> extraArgs) {

    static final String ADMIN_TOKEN = "local-admin-token";

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("ingestion-service", 8081, List.of("--superkabe.admin-token=" + ADMIN_TOKEN)),
            new ServiceSpec("gate-service", 8082, List.of()),
            // one logical tick per wall second (the logical period stays 60 s) so the demo moves quickly
            new ServiceSpec("sequencer-service", 8083, List.of("--superkabe.clock.interval=1s")),
            new ServiceSpec("send-adapter-service", 8084, List.of()),
            new ServiceSpec("reply-poller-service", 8085, List.of("--superkabe.poll.interval=2s")),
            new ServiceSpec("protection-service", 8086, List.of()));

    static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    ServiceSpec {
        extraArgs = List.copyOf(extraArgs);
    }

    /** Command-line arguments: everything except secrets, which travel in the environment (not shown by ps). */
    List<String> args(Database db) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.BOOTSTRAP,
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user()));
        args.addAll(extraArgs);
        return args;
    }

    /** Spring binds {@code SUPERKABE_SECRETS_KEY} to {@code superkabe.secrets.key}, and so on. */
    static Map<String, String> secretEnvironment(Database db, String secretsKey) {
        return Map.of("SUPERKABE_SECRETS_KEY", secretsKey, "SPRING_DATASOURCE_PASSWORD", db.password());
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String healthUrl() {
        return baseUrl() + "/actuator/health";
    }

    String prometheusUrl() {
        return baseUrl() + "/actuator/prometheus";
    }
}
