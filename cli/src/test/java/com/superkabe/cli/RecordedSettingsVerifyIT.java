package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxDnsChecked;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.ProtectionPolicyChanged;
import com.superkabe.events.protection.ProtectionSettingsPublished;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.kit.testing.dns.TestDnsServer;
import com.superkabe.protection.ProtectionApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * verify and what-if with what protection recorded about its own settings, an organization's policy
 * and an operator's move (ADR 0064), on the real protection service with a broker and a database of
 * this class's own: protection runs with a 3-tick first cooldown (the product's is a day), the
 * organization pauses at 2 bounces (the product's 5), an operator forces a second mailbox into
 * paused, which puts the domain in warning, and the quarantined mailbox's DNS checks fail (no DMARC
 * record). Each of the four would diverge if the replay did not read it from the topics; with them,
 * verify is clean.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordedSettingsVerifyIT {

    static final String ORG = "org-rec";
    static final String KEY = "rec-key-" + UUID.randomUUID();
    static final String DOMAIN = "rec.test";
    static final List<String> MAILBOXES = List.of("mb-rec-a", "mb-rec-b", "mb-rec-c", "mb-rec-d", "mb-rec-e");
    static final String BOUNCED = "mb-rec-a";
    static final String FORCED = "mb-rec-b";
    static EmbeddedKafkaKraftBroker broker;
    static TestDnsServer dns;
    static ConfigurableApplicationContext protection;
    static KafkaProbe kafka;
    static TestHttp http;
    static String brokers;

    @BeforeAll
    static void protectionDecidesWithItsOwnSettingsAPolicyChangeAndAnOperatorsMove() throws SQLException, InterruptedException {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "log.dir",
                System.getProperty("java.io.tmpdir") + "/superkabe-recorded-settings-" + UUID.randomUUID()));
        broker.afterPropertiesSet();
        brokers = broker.getBrokersAsString();
        String database = "recorded_settings_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(TestInfra.jdbcUrl(), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        dns = new TestDnsServer();
        // no DMARC record: every DNS check of the quarantined mailbox fails (the replay used to assume a pass)
        dns.txt(DOMAIN, "v=spf1 include:_spf.rec.test ~all").txt("s1._domainkey." + DOMAIN, "v=DKIM1; k=rsa; p=MIGf");
        List<String> args = new ArrayList<>();
        Map<String, Object> props = new java.util.LinkedHashMap<>(TestInfra.serviceProperties());
        props.put("spring.kafka.bootstrap-servers", brokers);
        props.put("spring.datasource.url", TestInfra.postgres().getJdbcUrl("postgres", database));
        props.put("superkabe.protection.cooldowns", "PT3M,PT9M,PT27M");
        props.put("superkabe.protection.dns-check-interval", "PT1M");
        props.put("superkabe.protection.dns.server", dns.address());
        props.put("superkabe.protection.dns.timeout", "PT0.5S");
        props.put("superkabe.protection.dns.default-selectors", "s1");
        props.put("superkabe.protection.dns.dnsbls", "dbl.test");
        props.forEach((k, v) -> args.add("--" + k + "=" + v));
        protection = ProtectionApplication.builder().run(args.toArray(String[]::new));
        http = TestHttp.of(protection);
        kafka = new KafkaProbe(brokers);

        kafka.publish(origin(new OrganizationRegistered(ORG, "Recorded", ApiKeys.sha256(KEY))));
        TestHttp.until(() -> http.get("/api/v1/protection/mode", "X-Api-Key", KEY), r -> r.status() == 200,
                Duration.ofSeconds(30));
        kafka.publish(origin(new ClockTicked(1, Instant.parse("2026-01-01T00:01:00Z"), 60)));
        for (String id : MAILBOXES) {
            kafka.publish(origin(new MailboxRegistered(ORG, id, id + "@" + DOMAIN, DOMAIN, "smtp", 50, null, null)));
        }
        MAILBOXES.forEach(id -> awaitTransition(id, "healthy"));
        // the organization pauses at 2 bounces within 100 sends, warns at 1
        TestHttp.Response policy = http.put("/api/v1/protection/policy", "{\"warningBounces\":1,\"pauseBounces\":2,"
                + "\"reason\":\"stricter for a new list\"}", "X-Api-Key", KEY);
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            for (String id : MAILBOXES) {
                kafka.publish(origin(new EmailSent(ORG, id + "-ok-" + i, "run-" + id + i, "c-1", "lead-" + id + i, id,
                        0, "ada@lead.test", "<" + id + i + "@rec.test>", 1)));
            }
        }
        for (int i = 0; i < 2; i++) {
            kafka.publish(origin(new EmailSendFailed(ORG, "bad-" + i, "run-bad-" + i, "c-1", "lead-bad-" + i, BOUNCED,
                    0, "bad" + i + "@lead.test", "HARD_BOUNCE", 550, "5.1.1 user unknown", 1)));
        }
        awaitTransition(BOUNCED, "paused");
        TestHttp.Response forced = http.post("/api/v1/protection/mailboxes/" + FORCED + "/transitions",
                "{\"target\":\"paused\",\"reason\":\"spam-trap hit reported by the ESP\",\"force\":true}", "X-Api-Key", KEY);
        assertThat(forced.status()).as(forced.body()).isEqualTo(201);
        assertThat(kafka.awaitEvents(Topic.DOMAIN_STATES.topicName(), e -> e.payload() instanceof DomainStateChanged d
                && d.domain().equals(DOMAIN) && d.to().equals("warning"), 1, Duration.ofSeconds(30))).hasSize(1);
        // the first cooldown is 3 ticks here: the bounced mailbox leaves paused at tick 4, then its DNS
        // checks (one a tick) fail and keep it in quarantine
        for (long t = 2; t <= 7; t++) {
            kafka.publish(origin(new ClockTicked(t, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * t), 60)));
        }
        awaitTransition(BOUNCED, "quarantine");
        assertThat(kafka.awaitEvents(Topic.PROTECTION_CHECKS.topicName(), e -> e.payload() instanceof MailboxDnsChecked c
                && c.mailboxId().equals(BOUNCED) && c.tick() == 7, 1, Duration.ofSeconds(30))).hasSize(1);
        // what the ticks led to is published before verify reads
        TestHttp.until(() -> http.get("/api/v1/protection/mailboxes/" + BOUNCED, "X-Api-Key", KEY),
                r -> r.status() == 200 && !r.json().get("state").asString().equals("paused"), Duration.ofSeconds(30));
        Thread.sleep(2_000);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (protection != null) {
            protection.close();
        }
        if (dns != null) {
            dns.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    @Order(1)
    void protectionPublishedItsSettingsAndTheOrganizationsPolicyOnTheModesTopic() {
        List<Envelope> settings = kafka.awaitEvents(Topic.PROTECTION_MODES.topicName(),
                e -> e.payload() instanceof ProtectionSettingsPublished, 1, Duration.ofSeconds(10));
        ProtectionSettingsPublished s = (ProtectionSettingsPublished) settings.getFirst().payload();
        assertThat(s.tickSeconds()).isEqualTo(60);
        assertThat(s.settings().cooldownTicks()).containsExactly(3L, 9L, 27L);
        assertThat(s.settings().pauseBounces()).isEqualTo(5);
        List<Envelope> policies = kafka.awaitEvents(Topic.PROTECTION_MODES.topicName(),
                e -> e.payload() instanceof ProtectionPolicyChanged, 1, Duration.ofSeconds(10));
        ProtectionPolicyChanged p = (ProtectionPolicyChanged) policies.getFirst().payload();
        assertThat(p.orgId()).isEqualTo(ORG);
        assertThat(p.pauseBounces()).isEqualTo(2);
        assertThat(p.warningBounces()).isEqualTo(1);
        assertThat(p.pauseWindow()).isNull();
        assertThat(p.reason()).isEqualTo("stricter for a new list");
    }

    @Test
    @Order(2)
    void verifyReplaysTheRecordedSettingsPolicyAndOperatorMoveToExactlyWhatProtectionPublished() {
        CliIT.Run run = CliIT.cli("verify", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("; 0 divergences").doesNotContain("DIVERGE")
                .contains("settings: 1 recorded by protection's starts; 1 organization policy changes; "
                        + "1 operator transitions replayed")
                .containsPattern("dns checks: ([1-9]\\d*) recorded, \\1 decided from their record, 0 assumed to pass");
        assertThat(kafka.awaitEvents(Topic.PROTECTION_CHECKS.topicName(), e -> e.payload() instanceof MailboxDnsChecked c
                && c.mailboxId().equals(BOUNCED), 1, Duration.ofSeconds(5))).first().satisfies(e -> {
                    MailboxDnsChecked c = (MailboxDnsChecked) e.payload();
                    assertThat(c.verdict()).isEqualTo(com.superkabe.events.protection.DnsVerdict.FAIL);
                    assertThat(c.detail()).containsIgnoringCase("dmarc");
                });
        // the transitions each recorded input decides are among those compared
        CliIT.Run timeline = CliIT.cli("timeline", "mailbox", BOUNCED, "-b", brokers);
        assertThat(timeline.out()).contains("paused -> quarantine").contains("cooldown_expired");
    }

    @Test
    @Order(3)
    void theRecordedHistoryReplayedWithTheDefaultsInsteadDivergesWhereTheRecordsDecided() {
        // the same inputs, without protection's records: what verify did before ADR 0064
        ProtectionHistory.Pass pass = new ProtectionHistory.Pass(PolicySettings.protection(null));
        KafkaOptions options = new KafkaOptions(brokers);
        List<String> topics = java.util.stream.Stream.concat(ProtectionHistory.INPUTS.stream(),
                ProtectionHistory.OUTPUTS.stream()).toList();
        new TopicHistory(options, System.err).stream(topics, false, r -> {
            EventType type = TopicHistory.type(r);
            if (type != EventType.PROTECTION_SETTINGS_PUBLISHED && type != EventType.PROTECTION_POLICY_CHANGED) {
                pass.accept(r);
            }
        });

        assertThat(VerifyCommand.divergences(pass)).isGreaterThanOrEqualTo(1);
        assertThat(pass.replayed.get("mailbox:" + BOUNCED)).noneMatch(s -> s.to().equals("paused"));

        // and with the settings and policy but without the DNS answers: the failed checks replay as passes
        ProtectionHistory.Pass noDns = new ProtectionHistory.Pass(PolicySettings.protection(null));
        new TopicHistory(options, System.err).stream(topics, false, noDns);
        assertThat(noDns.replayed.get("mailbox:" + BOUNCED)).anyMatch(s -> s.compared().equals(
                "quarantine -> restricted_send [dns_check]"));
        assertThat(VerifyCommand.divergences(noDns)).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(4)
    void whatIfStartsFromTheRecordedPolicyAndShowsThePauseThreeBouncesWouldNotHaveMade() {
        CliIT.Run run = CliIT.cli("what-if", "--set", "protection.pauseBounces=3", "--json", "-b", brokers);

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<JsonNode> diffs = run.out().lines().map(l -> Json.MAPPER.readTree(l)).toList();
        assertThat(diffs).anySatisfy(d -> {
            assertThat(d.get("entity").asString()).isEqualTo("mailbox:" + BOUNCED);
            assertThat(d.get("change").asString()).isEqualTo("not happen");
            assertThat(d.get("to").asString()).isEqualTo("paused");
        });
        // the operator's pause is a recorded fact: it happens either way
        assertThat(diffs).noneMatch(d -> d.get("entity").asString().equals("mailbox:" + FORCED));
    }

    @Test
    @Order(5)
    void aTickProtectionHasNotDecidedYetIsNotReplayed() {
        // given protection stopped, and a tick it never handled (its quarantined mailbox would be checked)
        protection.close();
        kafka.publish(origin(new ClockTicked(8, Instant.parse("2026-01-01T00:08:00Z"), 60)));
        kafka.flush();

        CliIT.Run run = CliIT.cli("verify", "-b", brokers);

        // the replay stops at protection's watermark, tick 7: no check at tick 8 assumed to pass
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("; 0 divergences (replayed up to tick 7, protection's last decided tick when "
                + "the read began; 1 later ticks not replayed)").contains("0 assumed to pass");
    }

    static void awaitTransition(String mailboxId, String to) {
        assertThat(kafka.awaitEvents(Topic.MAILBOX_STATES.topicName(), e -> e.payload() instanceof MailboxStateChanged m
                && m.mailboxId().equals(mailboxId) && m.to().equals(to), 1, Duration.ofSeconds(60))).hasSize(1);
    }

    static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
