package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.kit.testing.KafkaProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code verify --service gate|ingestion} against a real broker holding the two services' golden
 * histories (recorded from their integration tests on a real broker and PostgreSQL, ADR 0047/0048):
 * the recorded answers and the published decisions on their topics, as the services wrote them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordedAnswersVerifyIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EventCodec CODEC = new EventCodec();
    static EmbeddedKafkaKraftBroker broker;
    static KafkaProbe kafka;
    static String brokers;
    static final List<Envelope> gateDecisions = new ArrayList<>();

    @BeforeAll
    static void theGoldenHistoriesAreOnTheTopics() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "log.dir",
                System.getProperty("java.io.tmpdir") + "/superkabe-answers-verify-" + UUID.randomUUID()));
        broker.afterPropertiesSet();
        brokers = broker.getBrokersAsString();
        kafka = new KafkaProbe(brokers);
        for (Path file : histories("../gate-service/src/test/resources/histories/gate")) {
            for (Envelope e : read(file)) {
                kafka.publish(e);
                if (e.type().topic() == Topic.GATE_DECISIONS) {
                    gateDecisions.add(e);
                }
            }
        }
        for (Path file : histories("../ingestion-service/src/test/resources/histories/ingestion")) {
            read(file).forEach(kafka::publish);
        }
        kafka.flush();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        broker.destroy();
    }

    @Test
    @Order(1)
    void reDecidingTheGatesRecordedAnswersReachesEveryDecisionItPublished() {
        CliIT.Run run = CliIT.cli("verify", "--service", "gate", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("verify gate: ").contains("; 0 divergences");
        assertThat(run.out()).doesNotContain("verify gate: 0 entities");
    }

    @Test
    @Order(2)
    void reDecidingIngestionsRecordedAnswersReachesEveryLeadDecisionItPublished() {
        CliIT.Run run = CliIT.cli("verify", "--service", "ingestion", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("verify ingestion: ").contains("; 0 divergences");
        assertThat(run.out()).doesNotContain("verify ingestion: 0 entities");
    }

    @Test
    @Order(3)
    void settingsAreRefusedBecauseTheyAreRecordedWithEachDecision() {
        CliIT.Run run = CliIT.cli("verify", "--service", "gate", "--set", "protection.pauseBounces=4", "-b", brokers);

        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("--set");
    }

    @Test
    @Order(4)
    void aPoisonRecordIsSkippedAndCountedNotTakenForADecision() {
        kafka.publishRaw(Topic.GATE_CHECKS.topicName(), "lead-poison", Map.of(), "{not json".getBytes(StandardCharsets.UTF_8));

        CliIT.Run run = CliIT.cli("verify", "--service", "gate", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("1 undecodable records skipped").contains("; 0 divergences");
    }

    @Test
    @Order(5)
    void aDecisionNoRecordedAnswerExplainsIsTheFirstDivergence() {
        Envelope last = gateDecisions.getLast();
        String id = UUID.randomUUID().toString();
        kafka.publish(new Envelope(id, last.type(), "gate-service", Instant.now(), last.orgId(), null, id, -1,
                last.payload()));

        CliIT.Run run = CliIT.cli("verify", "--service", "gate", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("FIRST DIVERGENCE lead:").contains("; 1 divergence");
    }

    private static List<Path> histories(String dir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            return files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    /** One golden file's records, stamped now (the merge orders by time, then tick). */
    private static List<Envelope> read(Path file) throws IOException {
        List<Envelope> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            EventType t = EventType.ofWireName(node.get("type").asString());
            SuperkabeEvent payload = CODEC.fromJson(JSON.writeValueAsBytes(node.get("payload")), t.recordType());
            String id = node.get("id").asString();
            out.add(new Envelope(id, t, "history", Instant.now(), payload.orgId(), null, id, -1, payload));
        }
        return out;
    }
}
