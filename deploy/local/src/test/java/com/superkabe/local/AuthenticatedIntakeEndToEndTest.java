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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real ingestion service, as the local stack runs it, on the authenticated broker with the plan's
 * ACLs and a real PostgreSQL: it starts as {@code superkabe-ingestion} (its admin, listeners, outbox and
 * transactional intake producer all authorized), a customer's signed record for its own organization
 * is accepted, and one for another organization is dead-lettered with the reason.
 */
class AuthenticatedIntakeEndToEndTest {

    private static final String CUSTOMER = "acme-producer";
    private static final Path JAR = Path.of("../../ingestion-service/target/ingestion-service-0.1.0-SNAPSHOT-exec.jar")
            .toAbsolutePath().normalize();

    @Test
    void aSignedRecordForItsOwnOrganizationIsAcceptedAndOneForAnotherIsDeadLetteredWithTheReason() throws Exception {
        assumeTrue(Files.exists(JAR), "build ingestion-service first (" + JAR + ")");
        Path repo = Files.createTempDirectory("kauth-e2e");
        StackLayout layout = new StackLayout(repo, Path.of("target/runtime-classpath.txt").toAbsolutePath());
        Resources resources = new Resources();
        KafkaUsers users = KafkaUsers.generate(List.of(CUSTOMER));
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            resources.add("PostgreSQL", pg);
            KafkaBroker broker = KafkaBroker.launch(layout, resources, freePort(), freePort(), users);
            broker.awaitReady();
            int port = freePort();
            Map<String, String> env = new HashMap<>(users.serviceEnvironment(Service.INGESTION));
            env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
            env.put("SUPERKABE_SECRETS_KEY", SecretsKey.loadOrCreate(repo.resolve("secret.key")));
            ChildProcess ingestion = ChildProcess.start("ingestion-service", Jvm.jar(JAR,
                    Jvm.options(ServiceFleet.DEFAULT_JVM_OPTIONS), List.of("--server.port=" + port,
                            "--spring.kafka.bootstrap-servers=" + broker.bootstrap(),
                            "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                            "--spring.datasource.username=postgres", "--superkabe.admin-token=e2e-admin",
                            "--superkabe.ingestion.mx.enabled=false",
                            "--superkabe.ingestion.intake.bound-producers=true")),
                    env, repo, layout.logFile("ingestion-service"));
            resources.add("ingestion", () -> ChildProcess.stopAll(List.of(ingestion), Duration.ofSeconds(20)));
            String base = "http://localhost:" + port;
            awaitHealthy(base, ingestion, layout);

            JsonNode acme = post(base + "/admin/v1/organizations", "X-Admin-Token", "e2e-admin", "{\"name\":\"Acme\"}");
            JsonNode globex = post(base + "/admin/v1/organizations", "X-Admin-Token", "e2e-admin", "{\"name\":\"Globex\"}");
            String acmeId = acme.get("orgId").asString();
            String globexId = globex.get("orgId").asString();
            JsonNode key = post(base + "/api/v1/intake-producers", "X-Api-Key", acme.get("apiKey").asString(), "{}");
            IntakeProducerKey producerKey = new IntakeProducerKey(key.get("producerId").asString(),
                    key.get("secret").asString());

            String own = "own-" + UUID.randomUUID() + "@acme-widgets.com";
            String foreign = "foreign-" + UUID.randomUUID() + "@acme-widgets.com";
            Map<String, Object> producerConfig = users.client(broker.bootstrap(), CUSTOMER, Map.of(
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
                producer.send(producerKey.record(Topic.LEAD_INTAKE.topicName(), acmeId, lead(acmeId, own)))
                        .get(30, TimeUnit.SECONDS);
                producer.send(producerKey.record(Topic.LEAD_INTAKE.topicName(), globexId, lead(globexId, foreign)))
                        .get(30, TimeUnit.SECONDS);
            }

            List<ConsumerRecord<String, String>> leads = readUntil(broker, users, Topic.LEADS.topicName(), own,
                    Duration.ofSeconds(90));
            assertThat(leads).anyMatch(r -> r.value().contains(own) && r.value().contains(acmeId));
            assertThat(leads).noneMatch(r -> r.value().contains(foreign));
            List<ConsumerRecord<String, String>> dead = readUntil(broker, users,
                    Service.INGESTION.deadLetterTopic(), foreign, Duration.ofSeconds(30));
            assertThat(dead).filteredOn(r -> r.value().contains(foreign)).singleElement().satisfies(r ->
                    assertThat(new String(r.headers().lastHeader("kafka_dlt-exception-message").value(),
                            StandardCharsets.UTF_8)).isEqualTo("producer '" + producerKey.producerId()
                            + "' is bound to organization '" + acmeId + "', not to '" + globexId + "'"));
        } finally {
            resources.closeAll();
            FileTrees.deleteRecursively(repo);
        }
    }

    private static String lead(String orgId, String email) {
        return "{\"orgId\":\"" + orgId + "\",\"email\":\"" + email + "\",\"company\":\"Acme\"}";
    }

    /** Reads the topic from the start as the operator until a record mentions {@code marker}. */
    private static List<ConsumerRecord<String, String>> readUntil(KafkaBroker broker, KafkaUsers users, String topic,
                                                                  String marker, Duration timeout) {
        Map<String, Object> c = users.client(broker.bootstrap(), AclPlan.OPERATOR, Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (got.stream().noneMatch(r -> r.value() != null && r.value().contains(marker))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(got::add);
            }
        }
        return got;
    }

    private static JsonNode post(String url, String header, String value, String body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header(header, value)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // an API key is known once its organization event came back from the topic
            if (r.statusCode() != 401 || System.nanoTime() > deadline) {
                assertThat(r.statusCode()).as(url + " answered " + r.body()).isEqualTo(201);
                return Http.JSON.readTree(r.body());
            }
            Thread.sleep(300);
        }
    }

    private static void awaitHealthy(String base, ChildProcess service, StackLayout layout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("ingestion exited; see " + layout.logFile("ingestion-service")).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("ingestion not healthy in 240 s; see " + layout.logFile("ingestion-service"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
