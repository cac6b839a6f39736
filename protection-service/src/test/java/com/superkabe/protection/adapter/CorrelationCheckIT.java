package com.superkabe.protection.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxCorrelationChecked;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.protection.application.Policies;
import com.superkabe.protection.application.replay.CorrelationChecks;
import com.superkabe.protection.application.replay.ProtectionReplay;
import com.superkabe.protection.domain.ProtectionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The correlation check's recorded answers (ADR 0063) on a real broker and PostgreSQL: the counts a
 * pause's check read of other mailboxes go out as {@code MailboxCorrelationChecked} in the same
 * database transaction as the pause, ahead of it in the outbox, and a replay of the inputs decides
 * from those records to the same counts. With {@code -Dprotection.history.write=true} it writes the
 * golden history {@code histories/correlation.input.jsonl} (the inputs and the records, in order).
 */
class CorrelationCheckIT {

    private static final String ORG = "org-corr-" + UUID.randomUUID();
    private static final String KEY = "corr-key-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec();
    /** The inputs this class published, in order: the replay's input. */
    private static final List<SuperkabeEvent> INPUTS = new ArrayList<>();
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        ProtectionServiceIT.ensureStarted();
        jdbc = ProtectionServiceIT.protection.getBean(JdbcClient.class);
        // every outbox insert is copied with the id of the transaction that made it
        jdbc.sql("CREATE TABLE IF NOT EXISTS outbox_trace (id BIGINT, headers TEXT, xid BIGINT)").update();
        jdbc.sql("CREATE OR REPLACE FUNCTION outbox_trace() RETURNS trigger AS $$ BEGIN "
                + "INSERT INTO outbox_trace VALUES (NEW.id, NEW.headers, txid_current()); RETURN NEW; END $$ "
                + "LANGUAGE plpgsql").update();
        jdbc.sql("DROP TRIGGER IF EXISTS outbox_trace ON outbox").update();
        jdbc.sql("CREATE TRIGGER outbox_trace AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_trace()")
                .update();
        publish(new OrganizationRegistered(ORG, "Correlated", ApiKeys.sha256(KEY)));
        TestHttp.until(() -> ProtectionServiceIT.http.get("/api/v1/protection/mode", "X-Api-Key", KEY),
                r -> r.status() == 200, Duration.ofSeconds(30));
        INPUTS.clear();
    }

    @Test
    void aCorrelationPausePublishesItsCountsBeforeTheStateChangesInTheSameTransactionAndReplaysFromThem()
            throws IOException {
        // given eight mailboxes of one domain, two of them already paused on their own (too few for
        // the domain's ratio rule to pause it, even with a third one warning)
        List<String> ids = List.of("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8").stream().map(k -> "mb-" + k + "-" + ORG)
                .toList();
        ids.forEach(id -> publish(ProtectionServiceIT.mailbox(ORG, id, "corrpause.test")));
        ProtectionServiceIT.await(KEY, "/api/v1/protection/domains/corrpause.test", v -> v.get("mailboxes").asInt() == 8);
        // (one after the other: outcomes of different mailboxes are on different partitions, and the
        // order they are consumed in is the one the records capture, not the order published here)
        bounces(ids.get(0), "ada@lead.test", 5);
        ProtectionServiceIT.await(KEY, "/api/v1/protection/mailboxes/" + ids.get(0), v -> v.get("state").asString()
                .equals("paused"));
        bounces(ids.get(1), "ada@lead.test", 5);
        ProtectionServiceIT.await(KEY, "/api/v1/protection/mailboxes/" + ids.get(1), v -> v.get("state").asString()
                .equals("paused"));

        // when a third mailbox breaches its pause rule: two failing siblings make it a domain failure
        bounces(ids.get(2), "ada@lead.test", 5);

        // then the domain is paused by the correlation check
        ProtectionServiceIT.await(KEY, "/api/v1/protection/domains/corrpause.test", v -> v.get("state").asString()
                .equals("paused"));
        List<Envelope> checks = ProtectionServiceIT.kafka.awaitEvents(Topic.PROTECTION_CHECKS.topicName(),
                e -> e.payload() instanceof MailboxCorrelationChecked c && c.mailboxId().startsWith("mb-k")
                        && c.orgId().equals(ORG), 3, Duration.ofSeconds(30));
        assertThat(checks).hasSize(3);
        assertThat(checks).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.MAILBOX_CORRELATION_CHECKED));
        MailboxCorrelationChecked third = checks.stream().map(e -> (MailboxCorrelationChecked) e.payload())
                .filter(c -> c.mailboxId().equals(ids.get(2))).findFirst().orElseThrow();
        assertThat(third.domainSiblings()).isEqualTo(7);
        assertThat(third.siblingsFailing()).isEqualTo(2);
        assertThat(third.dominantEsp()).isNull();
        Envelope thirdCheck = checks.stream().filter(e -> e.payload() == third).findFirst().orElseThrow();
        List<Envelope> domainPause = ProtectionServiceIT.kafka.awaitEvents(Topic.DOMAIN_STATES.topicName(),
                e -> e.orgId().equals(ORG) && e.payload() instanceof DomainStateChanged d && d.to().equals("paused"),
                1, Duration.ofSeconds(30));
        assertThat(((DomainStateChanged) domainPause.getFirst().payload()).trigger()).isEqualTo("correlation");
        assertThat(domainPause.getFirst().causationId()).isEqualTo(thirdCheck.causationId());

        // and in the outbox the record precedes every state change of that input, in one transaction
        List<Object[]> rows = jdbc.sql("SELECT id, headers, xid FROM outbox_trace ORDER BY id")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).list();
        Object[] checkRow = rows.stream().filter(r -> ((String) r[1]).contains(thirdCheck.id())).findFirst()
                .orElseThrow();
        List<Object[]> sameCause = rows.stream().filter(r -> ((String) r[1]).contains(thirdCheck.causationId()))
                .toList();
        Object[] pauseRow = rows.stream().filter(r -> ((String) r[1]).contains(domainPause.getFirst().id()))
                .findFirst().orElseThrow();
        assertThat(pauseRow[2]).as("same transaction").isEqualTo(checkRow[2]);
        assertThat(sameCause).extracting(r -> r[2]).containsOnly(checkRow[2]);
        assertThat(sameCause.getFirst()[0]).as("the record is the cause's first outbox row").isEqualTo(checkRow[0]);
        assertThat(sameCause.stream().filter(r -> ((String) r[1]).contains(
                EventType.MAILBOX_STATE_CHANGED.wireName())).count()).as("the mailbox's pause and the cascade")
                .isGreaterThanOrEqualTo(4);

        // and the inputs replayed with the records decide from them, to the same counts and states
        ProtectionPolicy policy = ProtectionServiceIT.protection.getBean(Policies.class).policy(ORG);
        CorrelationChecks recorded = new CorrelationChecks();
        checks.forEach(e -> recorded.add(e.id(), (MailboxCorrelationChecked) e.payload()));
        ProtectionReplay replay = new ProtectionReplay(policy, recorded);
        INPUTS.forEach(e -> replay.apply("", e));
        assertThat(recorded.divergences()).isEmpty();
        assertThat(recorded.fromRecord()).isEqualTo(3);
        assertThat(replay.states()).containsEntry("domain:" + ORG + "/corrpause.test", "paused")
                .containsEntry("mailbox:" + ids.get(7), "paused");
        List<Envelope> published = ProtectionServiceIT.kafka.awaitEvents(Topic.MAILBOX_STATES.topicName(),
                e -> e.orgId().equals(ORG) && e.payload() instanceof MailboxStateChanged m && m.to().equals("paused"),
                8, Duration.ofSeconds(30));
        assertThat(published).hasSize(8);

    }

    @Test
    void bouncesOnOneEspSharedByThreeMailboxesAreAProviderSpikeCountedAsTheReplayCountsThem() {
        // given two mailboxes of the organization paused for bounces on GMAIL recipients
        List<String> ids = List.of("p1", "p2", "p3").stream().map(k -> "mb-" + k + "-" + ORG).toList();
        for (String id : ids) {
            publish(ProtectionServiceIT.mailbox(ORG, id, id.substring(3, 5) + ".prov.test"));
            ProtectionServiceIT.await(KEY, "/api/v1/protection/mailboxes/" + id, v -> v.get("registered").asBoolean());
        }
        for (String id : ids.subList(0, 2)) {
            bounces(id, "lead@gmail.com", 5);
            ProtectionServiceIT.await(KEY, "/api/v1/protection/mailboxes/" + id, v -> v.get("state").asString()
                    .equals("paused"));
        }

        // when a third one breaches its pause rule on GMAIL bounces too
        bounces(ids.get(2), "lead@gmail.com", 5);

        // then the check counts three mailboxes on GMAIL, and the third mailbox is spared
        List<Envelope> checks = ProtectionServiceIT.kafka.awaitEvents(Topic.PROTECTION_CHECKS.topicName(),
                e -> e.payload() instanceof MailboxCorrelationChecked c && c.mailboxId().equals(ids.get(2)), 1,
                Duration.ofSeconds(30));
        MailboxCorrelationChecked third = (MailboxCorrelationChecked) checks.getFirst().payload();
        assertThat(third.dominantEsp()).isEqualTo("GMAIL");
        assertThat(third.mailboxesOnEsp()).isEqualTo(3);
        assertThat(ProtectionServiceIT.kafka.awaitEvents(Topic.PROTECTION_ALERTS.topicName(),
                e -> e.orgId().equals(ORG) && e.causationId().equals(checks.getFirst().causationId()), 1,
                Duration.ofSeconds(30))).singleElement().satisfies(e -> assertThat(e.type())
                .isEqualTo(EventType.PROVIDER_SPIKE_DETECTED));
        assertThat(ProtectionServiceIT.http.get("/api/v1/protection/mailboxes/" + ids.get(2), "X-Api-Key", KEY)
                .json().get("state").asString()).isNotEqualTo("paused");
    }

    /**
     * Every input this class published replayed with every record of its organization: each check is
     * decided from its record and the counts the replay derives agree (the service's queries and the
     * replay's state count alike). Writes the golden history when asked to.
     */
    @AfterAll
    static void theWholeHistoryReplaysFromItsRecordsWithoutADifference() throws IOException {
        ProtectionPolicy policy = ProtectionServiceIT.protection.getBean(Policies.class).policy(ORG);
        List<Envelope> checks = ProtectionServiceIT.kafka.awaitEvents(Topic.PROTECTION_CHECKS.topicName(),
                e -> e.orgId().equals(ORG), 6, Duration.ofSeconds(30));
        CorrelationChecks recorded = new CorrelationChecks();
        checks.forEach(e -> recorded.add(e.id(), (MailboxCorrelationChecked) e.payload()));
        ProtectionReplay replay = new ProtectionReplay(policy, recorded);
        INPUTS.forEach(e -> replay.apply("", e));
        assertThat(recorded.divergences()).isEmpty();
        assertThat(recorded.fromRecord()).isEqualTo(checks.size());
        if (Boolean.getBoolean("protection.history.write")) {
            writeHistory(checks);
        }
    }

    private static void writeHistory(List<Envelope> checks) throws IOException {
        List<String> lines = new ArrayList<>();
        for (SuperkabeEvent e : INPUTS) {
            lines.add(line(e));
        }
        for (Envelope e : checks) {
            lines.add(line(e.payload()));
        }
        Files.write(Path.of("src/test/resources/histories/correlation.input.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private static String line(SuperkabeEvent e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", EventType.of(e).wireName());
        line.put("payload", JSON.readTree(CODEC.toJson(e)));
        return JSON.writeValueAsString(line);
    }

    private static void bounces(String mailboxId, String recipient, int n) {
        for (int i = 0; i < n; i++) {
            String sendId = mailboxId + "-s" + i;
            publish(new EmailSendFailed(ORG, sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                    recipient, "HARD_BOUNCE", 550, "5.1.1 user unknown", ProtectionServiceIT.TICK.get()));
        }
    }

    private static void publish(SuperkabeEvent e) {
        ProtectionServiceIT.kafka.publish(ProtectionServiceIT.origin(e));
        if (!(e instanceof OrganizationRegistered)) {
            INPUTS.add(e);
        }
    }
}
