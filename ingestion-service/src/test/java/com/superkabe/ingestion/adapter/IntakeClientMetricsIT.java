package com.superkabe.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Service;
import com.superkabe.events.Topic;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The intake topic's hand-built consumer and transactional producer publish their Kafka client
 * metrics through Micrometer like the application's own clients: lag per partition of
 * superkabe.lead-intake, and records the transactional producer sent (here a dead letter).
 */
class IntakeClientMetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static MeterRegistry meters;

    @BeforeAll
    static void start() {
        app = IngestionApplication.builder().run(TestInfra.args("--superkabe.admin-token=metrics-admin"));
        meters = app.getBean(MeterRegistry.class);
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
    }

    @Test
    void theIntakeConsumersLagAndTheTransactionalProducersSendsReachMicrometer() {
        TestHttp.Response org = TestHttp.of(app).post("/admin/v1/organizations", "{\"name\":\"Metered\"}",
                "X-Admin-Token", "metrics-admin");
        String orgId = org.json().get("orgId").asString();

        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), orgId, Map.of(),
                "{undecodable".getBytes(StandardCharsets.UTF_8));

        assertThat(kafka.await(Service.INGESTION.deadLetterTopic(), r -> true, 1, WAIT)).hasSize(1);
        // client-level meters: bound when the client is created (per-topic and per-partition ones
        // appear only at Micrometer's next refresh of the client's metrics, up to a minute later)
        List<Meter> lag = until(() -> meters.find("kafka.consumer.fetch.manager.records.lag.max").meters().stream()
                .filter(m -> clientId(m).contains("ingestion-intake-")).toList());
        assertThat(lag).as("lag of the intake consumers (client_id ingestion-intake-<n>)").isNotEmpty();
        // a transactional producer is created per transaction in flight: wait for the one that sent the
        // dead letter to be bound too, not only for the first of them
        List<Meter> sent = until(() -> {
            List<Meter> producers = meters.find("kafka.producer.record.send.total").meters().stream()
                    .filter(m -> clientId(m).contains("superkabe-ingestion-intake")).toList();
            return sends(producers) >= 1 ? producers : List.of();
        });
        assertThat(sent).as("the intake transactional producer's send counter, counting the dead letter")
                .isNotEmpty();
        Timer decode = meters.get("superkabe_ingestion_intake_phase").tag("phase", "decode").timer();
        assertThat(decode.takeSnapshot().histogramCounts()).as("the intake timer publishes histogram buckets")
                .isNotEmpty();
    }

    private static double sends(List<Meter> producers) {
        return producers.stream().mapToDouble(m -> m.measure().iterator().next().getValue()).sum();
    }

    /** Kafka names the tag client-id; Micrometer's own listeners may add client.id. */
    private static String clientId(Meter m) {
        return String.valueOf(m.getId().getTag("client-id")) + " " + m.getId().getTag("client.id");
    }

    private static List<Meter> until(java.util.function.Supplier<List<Meter>> find) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Meter> found = find.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = find.get();
        }
        return found;
    }
}
