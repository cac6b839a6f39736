package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.Service;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.protection.ProtectionApplication;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The CLI end to end: the real protection service on a real broker pauses a mailbox after five hard
 * bounces; the CLI then reads the topics as an operator would. The order matters where a test
 * writes to the topics (an injected divergence, a dead letter), so those come after the clean checks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {

    static final String ORG = "org-cli";
    static final String PAUSED = "mb-cli-paused";
    static final String CALM = "mb-cli-calm";
    static ConfigurableApplicationContext protection;
    static KafkaProbe kafka;
    static String brokers;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void aMailboxIsPausedByTheRealProtectionService() {
        protection = ProtectionApplication.builder().run(TestInfra.args());
        brokers = TestInfra.kafka().getBrokersAsString();
        kafka = new KafkaProbe(brokers);
        kafka.publish(origin(new OrganizationRegistered(ORG, "Cli Org", "0".repeat(64))));
        kafka.publish(origin(new ClockTicked(1, Instant.parse("2026-01-01T00:01:00Z"), 60)));
        kafka.publish(origin(new MailboxRegistered(ORG, PAUSED, PAUSED + "@cli.test", "cli.test", "smtp", 50, null,
                null)));
        kafka.publish(origin(new MailboxRegistered(ORG, CALM, CALM + "@cli.test", "cli.test", "smtp", 50, null,
                null)));
        awaitTransition(PAUSED, "healthy");
        awaitTransition(CALM, "healthy");
        for (int i = 0; i < 20; i++) {
            kafka.publish(origin(sent(PAUSED, "ok-" + i)));
            kafka.publish(origin(sent(CALM, "calm-" + i)));
        }
        for (int i = 0; i < 5; i++) {
            kafka.publish(origin(new EmailSendFailed(ORG, "bad-" + i, "run-bad-" + i, "c-1", "lead-bad-" + i, PAUSED,
                    0, "ada@lead.test", "HARD_BOUNCE", 550, "5.1.1 user unknown", 1)));
        }
        awaitTransition(PAUSED, "paused");
    }

    @AfterAll
    static void stop() {
        kafka.close();
        protection.close();
    }

    @Test
    @Order(1)
    void theTimelineOfAPausedMailboxTellsItsRegistrationItsBouncesAndThePauseInOrder() {
        Run run = cli("timeline", "mailbox", PAUSED, "-b", brokers);

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = run.out().lines().toList();
        int registered = indexOf(lines, "mailbox.registered");
        int firstBounce = indexOf(lines, "email.send-failed");
        int paused = indexOf(lines, "warning -> paused");
        assertThat(registered).isLessThan(firstBounce);
        assertThat(firstBounce).isLessThan(paused);
        assertThat(lines.get(paused)).contains("bounce_threshold").contains("system");
        assertThat(run.out()).doesNotContain(CALM).contains("events about mailbox " + PAUSED);
    }

    @Test
    @Order(2)
    void theJsonTimelineEndsWithThePauseAndItsCause() {
        Run run = cli("timeline", "mailbox", PAUSED, "--json", "-b", brokers);

        List<JsonNode> events = run.out().lines().map(l -> Json.MAPPER.readTree(l)).toList();
        JsonNode pause = events.stream().filter(e -> "paused".equals(e.path("state").asString(""))).findFirst()
                .orElseThrow();
        assertThat(pause.get("trigger").asString()).isEqualTo("bounce_threshold");
        assertThat(pause.get("actor").asString()).isEqualTo("system");
        assertThat(events.stream().map(e -> e.get("id").asString())).contains(pause.get("causationId").asString());
    }

    @Test
    @Order(3)
    void anEntityNobodyMentionedExitsWithNotFound() {
        Run run = cli("timeline", "mailbox", "mb-nobody-" + UUID.randomUUID(), "-b", brokers);

        assertThat(run.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.out()).contains("0 events about mailbox");
    }

    @Test
    @Order(4)
    void replayingTheRecordedHistoryReachesExactlyWhatProtectionPublished() {
        Run run = cli("verify", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("; 0 divergences").doesNotContain("DIVERGENCE")
                .contains("correlation checks: 1 recorded, 1 decided from their record");
    }

    @Test
    @Order(5)
    void withSixBouncesToPauseTheWhatIfShowsThePauseThatWouldNotHaveHappened() {
        Run run = cli("what-if", "--set", "protection.pauseBounces=6", "--json", "-b", brokers);

        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        List<JsonNode> diffs = run.out().lines().map(l -> Json.MAPPER.readTree(l)).toList();
        assertThat(diffs).anySatisfy(d -> {
            assertThat(d.get("entity").asString()).isEqualTo("mailbox:" + PAUSED);
            assertThat(d.get("change").asString()).isEqualTo("not happen");
            assertThat(d.get("to").asString()).isEqualTo("paused");
            assertThat(d.get("finalStateAfter").asString()).isNotEqualTo("paused");
        });
        assertThat(diffs).noneSatisfy(d -> assertThat(d.get("entity").asString()).isEqualTo("mailbox:" + CALM));
    }

    @Test
    @Order(6)
    void theSameSettingsAsRecordedChangeNothing() {
        Run run = cli("what-if", "--set", "protection.pauseBounces=5", "-b", brokers);

        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("0 transitions differ on 0 entities");
    }

    @Test
    @Order(10)
    void aPublishedPauseTheDecidersWouldNotMakeIsTheFirstDivergenceAndFailsTheVerify() {
        kafka.publish(origin(new MailboxStateChanged(ORG, CALM, "cli.test", "healthy", "paused", "bounce_threshold",
                "injected by the test", "ENFORCE", true, "system", false, null, 1, 1441, false, false)));

        Run run = cli("verify", "-b", brokers);

        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("FIRST DIVERGENCE mailbox:" + CALM + " at its transition #2")
                .contains("published: healthy -> paused [bounce_threshold]")
                .contains("replayed:  (nothing)")
                .contains("; 1 divergence");
    }

    @Test
    @Order(11)
    void aRecordTheServiceCouldNotHandleIsListedWithItsCauseAndReDrivenOnce() {
        String poison = "{\"poison\":\"" + UUID.randomUUID() + "\"}";
        kafka.publishRaw(Topic.SEND_OUTCOMES.topicName(), PAUSED, Map.of("ce_id", "poison-" + UUID.randomUUID(),
                "ce_type", EventType.EMAIL_SENT.wireName()), poison.getBytes(StandardCharsets.UTF_8));
        var dead = kafka.await(Service.PROTECTION.deadLetterTopic(), r -> new String(r.value(),
                StandardCharsets.UTF_8).equals(poison), 1, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        String position = Service.PROTECTION.deadLetterTopic() + "-" + dead.getFirst().partition() + "@"
                + dead.getFirst().offset();

        Run list = cli("dlt", "list", "--json", "-b", brokers);
        JsonNode listed = list.out().lines().map(l -> Json.MAPPER.readTree(l))
                .filter(n -> n.get("record").asString().equals(position)).findFirst().orElseThrow();
        assertThat(listed.get("origin").asString()).startsWith(Topic.SEND_OUTCOMES.topicName() + "-");
        assertThat(listed.get("cause").asString()).isNotBlank();

        Run first = cli("dlt", "redrive", position, "-b", brokers);
        Run second = cli("dlt", "redrive", position, "-b", brokers);

        assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("re-driven " + position + " -> " + Topic.SEND_OUTCOMES.topicName());
        assertThat(second.out()).contains("already re-driven " + position).contains("re-driven 0, already re-driven 1");
        assertThat(kafka.await(Topic.SEND_OUTCOMES.topicName(), r -> new String(r.value(), StandardCharsets.UTF_8)
                .equals(poison), 3, Duration.ofSeconds(5))).hasSize(2);
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SuperkabeCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line contains '" + text + "' in\n" + String.join("\n", lines));
    }

    static void awaitTransition(String mailboxId, String to) {
        assertThat(kafka.awaitEvents(Topic.MAILBOX_STATES.topicName(), e -> e.payload() instanceof MailboxStateChanged m
                && m.mailboxId().equals(mailboxId) && m.to().equals(to), 1, Duration.ofSeconds(60))).hasSize(1);
    }

    static EmailSent sent(String mailboxId, String sendId) {
        return new EmailSent(ORG, sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0, "ada@lead.test",
                "<" + sendId + "@cli.test>", 1);
    }

    static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
