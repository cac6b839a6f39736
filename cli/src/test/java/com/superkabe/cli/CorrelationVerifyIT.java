package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxCorrelationChecked;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.protection.application.replay.CorrelationChecks;
import com.superkabe.protection.application.replay.ProtectionReplay;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.Transition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
 * verify on protection's recorded correlation checks (ADR 0063) on a real broker: the golden history
 * protection recorded ({@code protection-service/.../histories/correlation.input.jsonl}: a domain paused
 * by the check, a provider spike) is on the topics with its records and the state changes published from them. verify
 * decides each check from its record; a record whose counts the replayed mailboxes contradict is
 * reported with the record and the input. The broker is this class's own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorrelationVerifyIT {

    static final Path HISTORY = Path.of("../protection-service/src/test/resources/histories/correlation.input.jsonl");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EventCodec CODEC = new EventCodec();
    static EmbeddedKafkaKraftBroker broker;
    static KafkaProbe kafka;
    static String brokers;

    @BeforeAll
    static void theRecordedCorrelationPauseIsOnTheTopics() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "log.dir",
                System.getProperty("java.io.tmpdir") + "/superkabe-correlation-verify-" + UUID.randomUUID()));
        broker.afterPropertiesSet();
        brokers = broker.getBrokersAsString();
        kafka = new KafkaProbe(brokers);
        publishAsProtectionWould(read(line -> line), UnaryOperator.identity());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        broker.destroy();
    }

    @Test
    @Order(1)
    void everyCheckIsDecidedFromItsRecordAndAgreesWithTheReplayedCounts() {
        CliIT.Run run = CliIT.cli("verify", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("; 0 divergences")
                .contains("correlation checks: 6 recorded, 6 decided from their record, 0 from derived counts "
                        + "(no record); 0 count differences, 0 reported")
                .doesNotContain("DIVERGE");
    }

    @Test
    @Order(2)
    void aRecordedCountTheReplayedMailboxesContradictIsReportedWithItsRecordAndFailsTheVerify() throws IOException {
        // another organization's copy of the history whose third check says one failing sibling, not two
        // (and whose published changes are those protection made from that record: no domain pause)
        publishAsProtectionWould(read(line -> line.replace("org-corr-", "org-wrong-")), e ->
                e instanceof MailboxCorrelationChecked c && c.mailboxId().startsWith("mb-k3-")
                        ? new MailboxCorrelationChecked(c.orgId(), c.mailboxId(), c.domain(), c.dominantEsp(),
                        c.mailboxesOnEsp(), c.domainSiblings(), 1, c.tick()) : e);

        CliIT.Run run = CliIT.cli("verify", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("; 0 divergences")
                .contains("CORRELATION COUNTS DIVERGE mailbox:mb-k3-org-wrong-")
                .contains("recorded esp=null onEsp=0 siblings=7 failing=1 @0, derived esp=null onEsp=0 siblings=7 "
                        + "failing=2 @0")
                .contains("  recorded:  superkabe.protection.correlation-checked.v1 ")
                .contains("  replaying: superkabe.email.send-failed.v1 ")
                .contains("correlation checks: 12 recorded, 12 decided from their record, 0 from derived counts "
                        + "(no record); 1 count difference, 1 reported");
    }

    /**
     * The inputs with ids, then what protection publishes for each: the check records first, then the
     * state changes, all caused by the input (the state changes as the replay decides them from the
     * records, which is what protection decides from them).
     */
    static void publishAsProtectionWould(List<SuperkabeEvent> history, UnaryOperator<SuperkabeEvent> records) {
        ProtectionPolicy policy = PolicySettings.protection(null);
        CorrelationChecks checks = new CorrelationChecks();
        List<MailboxCorrelationChecked> recorded = history.stream().map(records)
                .filter(MailboxCorrelationChecked.class::isInstance).map(MailboxCorrelationChecked.class::cast).toList();
        recorded.forEach(c -> checks.add("", c));
        recorded.forEach(c -> kafka.publish(envelope(c, null)));
        ProtectionReplay replay = new ProtectionReplay(policy, checks);
        for (SuperkabeEvent input : history.stream().filter(ProtectionReplay::isInput).toList()) {
            Envelope in = envelope(input, null);
            kafka.publish(in);
            for (ProtectionReplay.Decision d : replay.apply(in.id(), input)) {
                Transition t = d.transition();
                SuperkabeEvent change = t.entityType().equals("domain")
                        ? new DomainStateChanged(d.orgId(), t.entityId(), t.from(), t.to(), t.trigger(), t.reason(),
                        "ENFORCE", true, t.actor(), false, null, t.tick(), 0, 0)
                        : new MailboxStateChanged(d.orgId(), t.entityId(), null, t.from(), t.to(), t.trigger(),
                        t.reason(), "ENFORCE", true, t.actor(), false, null, t.tick(), t.cooldownUntil(), false,
                        t.canSend());
                kafka.publish(envelope(change, in.id()));
            }
        }
        kafka.flush();
    }

    static Envelope envelope(SuperkabeEvent payload, String causationId) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "history", Instant.now(), payload.orgId(), causationId,
                causationId == null ? id : causationId, -1, payload);
    }

    static List<SuperkabeEvent> read(UnaryOperator<String> rewrite) throws IOException {
        return Files.readAllLines(HISTORY, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(rewrite).map(l -> {
                    JsonNode node = JSON.readTree(l);
                    EventType t = EventType.ofWireName(node.get("type").asString());
                    return (SuperkabeEvent) CODEC.fromJson(JSON.writeValueAsBytes(node.get("payload")),
                            t.recordType());
                }).toList();
    }
}
