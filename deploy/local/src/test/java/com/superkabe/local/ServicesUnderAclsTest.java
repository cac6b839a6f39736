package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.superkabe.events.Service;
import com.superkabe.events.Topic;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The other five services' real jars, each as its own Kafka user on the authenticated broker with the
 * plan's ACLs: each becomes healthy, none logs an authorization or authentication failure, and the
 * sequencer's clock ticks reach the topic it owns.
 */
class ServicesUnderAclsTest {

    private static final List<String> SERVICES = List.of("gate-service", "sequencer-service", "send-adapter-service",
            "reply-poller-service", "protection-service");

    @Test
    void everyServiceRunsAsItsOwnPrincipalWithoutAnAuthorizationFailure() throws Exception {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String s : SERVICES) {
            Path jar = Path.of("../../" + s + "/target/" + s + "-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath().normalize();
            assumeTrue(Files.exists(jar), "build " + s + " first");
            jars.put(s, jar);
        }
        Path repo = Files.createTempDirectory("kauth-services");
        StackLayout layout = new StackLayout(repo, Path.of("target/runtime-classpath.txt").toAbsolutePath());
        Resources resources = new Resources();
        KafkaUsers users = KafkaUsers.generate(List.of());
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            resources.add("PostgreSQL", pg);
            KafkaBroker broker = KafkaBroker.launch(layout, resources, freePort(), freePort(), users);
            broker.awaitReady();
            String key = SecretsKey.loadOrCreate(repo.resolve("secret.key"));
            Map<String, Integer> ports = new LinkedHashMap<>();
            Map<String, ChildProcess> started = new LinkedHashMap<>();
            for (String s : SERVICES) {
                int port = freePort();
                ports.put(s, port);
                Service service = ServiceSpec.named(s).service().orElseThrow();
                Map<String, String> env = new HashMap<>(users.serviceEnvironment(service));
                env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
                env.put("SUPERKABE_SECRETS_KEY", key);
                List<String> args = new java.util.ArrayList<>(List.of("--server.port=" + port,
                        "--spring.kafka.bootstrap-servers=" + broker.bootstrap(),
                        "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres"));
                args.addAll(ServiceSpec.named(s).extraArgs());
                ChildProcess p = ChildProcess.start(s, Jvm.jar(jars.get(s), Jvm.options(ServiceFleet.DEFAULT_JVM_OPTIONS),
                        args), env, repo, layout.logFile(s));
                started.put(s, p);
            }
            resources.add("services", () -> ChildProcess.stopAll(List.copyOf(started.values()), Duration.ofSeconds(20)));
            for (String s : SERVICES) {
                awaitHealthy(s, ports.get(s), started.get(s), layout);
            }
            assertThat(clockTicks(broker, users)).as("ticks the sequencer wrote to " + Topic.CLOCK.topicName())
                    .isPositive();
            Thread.sleep(5000);
            for (String s : SERVICES) {
                String log = Files.readString(layout.logFile(s));
                assertThat(log).as(s + "'s log").doesNotContain("AuthorizationException", "Not authorized",
                        "SaslAuthenticationException", "Authentication failed");
            }
        } finally {
            resources.closeAll();
            FileTrees.deleteRecursively(repo);
        }
    }

    private static long clockTicks(KafkaBroker broker, KafkaUsers users) throws InterruptedException {
        Map<String, Object> c = users.client(broker.bootstrap(), AclPlan.OPERATOR, Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
            TopicPartition p = new TopicPartition(Topic.CLOCK.topicName(), 0);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            long end = 0;
            while (end == 0 && System.nanoTime() < deadline) {
                end = consumer.endOffsets(List.of(p)).get(p);
                Thread.sleep(500);
            }
            return end;
        }
    }

    private static void awaitHealthy(String name, int port, ChildProcess service, StackLayout layout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as(name + " exited: " + service.whyItFailed(20)).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not healthy in 300 s; see " + layout.logFile(name));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
