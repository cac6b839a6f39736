package com.superkabe.protection.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.MailboxWarmupLimitSet;
import com.superkabe.events.protection.ProtectionWatermark;
import com.superkabe.events.reply.BounceReason;
import com.superkabe.events.reply.ComplaintReceived;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.kit.testing.dns.TestDnsServer;
import com.superkabe.protection.ProtectionApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Protection on a real broker, a real database and a real DNS server, driven by the logical clock. */
class ProtectionServiceIT {

    static final String ACME_KEY = "acme-key-" + UUID.randomUUID();
    static final String GLOBEX_KEY = "globex-key-" + UUID.randomUUID();
    static final AtomicLong TICK = new AtomicLong(0);
    static final String INITECH_KEY = "initech-key-" + UUID.randomUUID();
    static final String HOOLI_KEY = "hooli-key-" + UUID.randomUUID();
    static final List<String[]> ORGS = List.of(new String[] {"org-1", "Acme", ACME_KEY},
            new String[] {"org-2", "Globex", GLOBEX_KEY}, new String[] {"org-3", "Initech", INITECH_KEY},
            new String[] {"org-4", "Hooli", HOOLI_KEY});
    static ConfigurableApplicationContext protection;
    static KafkaProbe kafka;
    static TestHttp http;
    static TestDnsServer dns;

    @BeforeAll
    static void start() {
        ensureStarted();
    }

    /**
     * One protection instance for every IT class of this module (they run in one JVM): starting it
     * is most of an IT's time. Each class works with its own organizations and mailboxes. The
     * application, broker and database stop with the JVM.
     */
    static synchronized void ensureStarted() {
        if (protection != null) {
            return;
        }
        dns = new TestDnsServer();
        for (String d : List.of("acme.test", "walk.test", "casc.test", "suggest.test", "corr.test", "warm.test")) {
            dns.txt(d, "v=spf1 include:_spf.acme.test ~all").txt("s1._domainkey." + d, "v=DKIM1; k=rsa; p=MIGfMA0")
                    .txt("_dmarc." + d, "v=DMARC1; p=quarantine");
        }
        protection = ProtectionApplication.builder().run(TestInfra.args(
                "--superkabe.protection.cooldowns=PT5M,PT15M,PT35M",
                "--superkabe.protection.dns-check-interval=PT1M",
                "--superkabe.protection.warm-recovery-minimum=PT3M",
                "--superkabe.protection.dns.server=" + dns.address(),
                "--superkabe.protection.dns.timeout=PT0.3S",
                "--superkabe.protection.dns.default-selectors=s1",
                "--superkabe.protection.dns.dnsbls=dbl.test"));
        http = TestHttp.of(protection);
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        for (String[] org : ORGS) {
            kafka.publish(origin(new OrganizationRegistered(org[0], org[1], ApiKeys.sha256(org[2]))));
        }
        for (String[] org : ORGS) {
            TestHttp.until(() -> http.get("/api/v1/protection/mailboxes/none", "X-Api-Key", org[2]), r -> r.status() != 401,
                    Duration.ofSeconds(30));
        }
    }

    @Test
    void countsEverySendAndHardBounceOnceEvenWhenAnOutcomeIsDeliveredOrPublishedTwice() {
        kafka.publish(origin(mailbox("org-1", "mb-1", "acme.test")));
        Envelope first = origin(sent("mb-1", "s-1"));
        kafka.publish(first);
        kafka.publish(first); // same ce_id: a redelivery
        kafka.publish(origin(sent("mb-1", "s-1"))); // same send under a new event id: a replay
        kafka.publish(origin(sent("mb-1", "s-2")));
        kafka.publish(origin(sent("mb-1", "s-3")));
        kafka.publish(origin(failed("mb-1", "s-4", "TRANSIENT")));
        kafka.publish(origin(failed("mb-1", "s-5", "HARD_BOUNCE")));

        JsonNode view = await(ACME_KEY, "/api/v1/protection/mailboxes/mb-1", v -> v.get("bounces").asLong() == 1
                && v.get("registered").asBoolean());

        assertThat(view.get("sends").asLong()).isEqualTo(4);
        assertThat(view.get("failures").asLong()).isEqualTo(1);
        assertThat(view.get("state").asString()).isEqualTo("healthy");
        assertThat(view.get("windowBounces").asInt()).isEqualTo(1);
    }

    @Test
    void windowsOutcomesOfAnUnregisteredMailboxAndDecidesOnThemWhenItRegisters() {
        for (int i = 0; i < 5; i++) {
            kafka.publish(origin(failed("mb-early", "e-" + i, "HARD_BOUNCE")));
        }
        JsonNode before = await(ACME_KEY, "/api/v1/protection/mailboxes/mb-early", v -> v.get("bounces").asLong() == 5);
        assertThat(before.get("registered").asBoolean()).isFalse();
        assertThat(before.get("state").asString()).isEqualTo("healthy");

        kafka.publish(origin(mailbox("org-1", "mb-early", "acme.test")));

        JsonNode after = await(ACME_KEY, "/api/v1/protection/mailboxes/mb-early", v -> v.get("state").asString()
                .equals("paused"));
        assertThat(after.get("address").asString()).isEqualTo("mb-early@acme.test");
    }

    @Test
    void walksOneMailboxFromHealthyThroughPausedAndTheHealingPhasesBackToHealthy() {
        kafka.publish(origin(mailbox("org-1", "mb-walk", "walk.test")));
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-walk", v -> v.get("registered").asBoolean());
        outcomes("mb-walk", "w-a", 20, false);
        outcomes("mb-walk", "w-b", 5, true);
        JsonNode paused = await(ACME_KEY, "/api/v1/protection/mailboxes/mb-walk", v -> v.get("state").asString()
                .equals("paused"));
        long until = paused.get("cooldownUntilTick").asLong();

        tickTo(until);
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-walk", v -> v.get("state").asString().equals("restricted_send"));
        outcomes("mb-walk", "w-c", 15, false);
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-walk", v -> v.get("state").asString().equals("warm_recovery"));
        outcomes("mb-walk", "w-d", 50, false);
        tickTo(TICK.get() + 3);
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-walk", v -> v.get("state").asString().equals("healthy"));

        List<String> path = http.get("/api/v1/protection/mailboxes/mb-walk/transitions", "X-Api-Key", ACME_KEY).json()
                .valueStream().map(t -> t.get("to").asString() + ":" + t.get("trigger").asString()).toList();
        assertThat(path).containsExactly("healthy:registered", "warning:bounce_threshold", "paused:bounce_threshold",
                "quarantine:cooldown_expired", "restricted_send:dns_check", "warm_recovery:clean_sends",
                "healthy:graduation");
        List<Envelope> changes = kafka.awaitEvents(Topic.MAILBOX_STATES.topicName(),
                e -> e.payload() instanceof MailboxStateChanged m && m.mailboxId().equals("mb-walk"), 7,
                Duration.ofSeconds(10));
        assertThat(changes).hasSize(7);
        List<Integer> limits = kafka.awaitEvents(Topic.MAILBOX_STATES.topicName(),
                        e -> e.payload() instanceof MailboxWarmupLimitSet m && m.mailboxId().equals("mb-walk"), 5,
                        Duration.ofSeconds(10)).stream()
                .map(e -> ((MailboxWarmupLimitSet) e.payload()).dailyLimit()).toList();
        assertThat(limits).startsWith(0, 10, 50);
        // the DNS check's answer is published before the transition decided from it (ADR 0064)
        Envelope answer = kafka.awaitEvents(Topic.PROTECTION_CHECKS.topicName(), e -> e.payload()
                instanceof com.superkabe.events.protection.MailboxDnsChecked c && c.mailboxId().equals("mb-walk"), 1,
                Duration.ofSeconds(10)).getFirst();
        var checked = (com.superkabe.events.protection.MailboxDnsChecked) answer.payload();
        assertThat(checked.verdict()).isEqualTo(com.superkabe.events.protection.DnsVerdict.PASS);
        assertThat(checked.domain()).isEqualTo("walk.test");
        Envelope restricted = changes.stream().filter(e -> ((MailboxStateChanged) e.payload()).to()
                .equals("restricted_send")).findFirst().orElseThrow();
        assertThat(((MailboxStateChanged) restricted.payload()).tick()).isEqualTo(checked.tick());
        assertThat(restricted.causationId()).isEqualTo(answer.causationId());
    }

    @Test
    void countsAsynchronousBouncesByTheirStatusOncePerDsnAndPausesAtTheFifth() {
        kafka.publish(origin(mailbox("org-1", "mb-dsn", "dsn.test")));
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-dsn", v -> v.get("registered").asBoolean());
        outcomes("mb-dsn", "d-a", 20, false);
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-dsn", v -> v.get("sends").asLong() == 20);
        Envelope first = origin(dsn("mb-dsn", "d-1", "5.1.1", 550, "HARD"));
        kafka.publish(first);
        kafka.publish(first); // the same DSN polled twice: the poller derives the same event id
        kafka.publish(origin(dsn("mb-dsn", "d-1", "5.1.1", 550, "HARD"))); // and a replay under a new id
        kafka.publish(origin(dsn("mb-dsn", "d-2", "4.2.2", 452, "SOFT"))); // temporary: never counts
        kafka.publish(origin(dsn("mb-dsn", "d-3", "5.7.8", 535, "SOFT"))); // our authentication: excluded
        kafka.publish(origin(dsn("mb-dsn", "d-4", "5.1.1", 550, "HARD")));
        kafka.publish(origin(dsn("mb-dsn", "d-5", "5.7.1", 550, "SOFT"))); // a block counts whatever its class
        kafka.publish(origin(dsn("mb-dsn", "d-6", null, 0, "SOFT"))); // no status, no code, SOFT: never counts

        JsonNode warned = await(ACME_KEY, "/api/v1/protection/mailboxes/mb-dsn", v -> v.get("failures").asLong() == 2);
        assertThat(warned.get("windowBounces").asInt()).isEqualTo(3);
        assertThat(warned.get("state").asString()).isEqualTo("warning");

        kafka.publish(origin(dsn("mb-dsn", "d-7", "5.1.1", 550, "HARD")));
        kafka.publish(origin(dsn("mb-dsn", "d-8", "5.2.1", 550, "HARD")));

        JsonNode paused = await(ACME_KEY, "/api/v1/protection/mailboxes/mb-dsn", v -> v.get("state").asString()
                .equals("paused"));
        assertThat(paused.get("windowBounces").asInt()).isEqualTo(5);
        List<String> path = http.get("/api/v1/protection/mailboxes/mb-dsn/transitions", "X-Api-Key", ACME_KEY).json()
                .valueStream().map(t -> t.get("to").asString() + ":" + t.get("trigger").asString()).toList();
        assertThat(path).containsExactly("healthy:registered", "warning:bounce_threshold", "paused:bounce_threshold");
    }

    @Test
    void countsADsnForASendAlreadyBouncedAtSmtpTimeOnce() {
        kafka.publish(origin(mailbox("org-1", "mb-dsn2", "dsn2.test")));
        kafka.publish(origin(failed("mb-dsn2", "x-1", "HARD_BOUNCE")));
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-dsn2", v -> v.get("bounces").asLong() == 1);
        kafka.publish(origin(dsn("mb-dsn2", "x-1", "5.1.1", 550, "HARD")));
        kafka.publish(origin(dsn("mb-dsn2", "x-2", "4.4.7", 0, "SOFT"))); // processed after the two above

        JsonNode view = await(ACME_KEY, "/api/v1/protection/mailboxes/mb-dsn2", v -> v.get("failures").asLong() == 1);
        assertThat(view.get("bounces").asLong()).isEqualTo(1);
        assertThat(view.get("windowBounces").asInt()).isEqualTo(1);
    }

    /** ADR 0026: ComplaintReceived feeds the complaint rate; one complaint in ten sends warns, two pause. */
    @Test
    void pausesAMailboxForItsComplaintRateCountingEachComplaintOnceAndAuditsTheFigures() {
        kafka.publish(origin(mailbox("org-1", "mb-cr", "cr.test")));
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-cr", v -> v.get("registered").asBoolean());
        for (int i = 0; i < 10; i++) {
            kafka.publish(origin(sent("mb-cr", "cr-" + i)));
        }
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-cr", v -> v.get("sends").asLong() == 10);

        kafka.publish(origin(complaint("mb-cr", "cp-1")));
        kafka.publish(origin(complaint("mb-cr", "cp-1"))); // the same report under a new event id: counted once
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-cr", v -> v.get("state").asString().equals("warning"));
        kafka.publish(origin(complaint("mb-cr", "cp-2")));
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-cr", v -> v.get("state").asString().equals("paused"));

        JsonNode trail = http.get("/api/v1/protection/mailboxes/mb-cr/transitions", "X-Api-Key", ACME_KEY).json();
        JsonNode warned = trail.get(1);
        JsonNode paused = trail.get(2);
        assertThat(warned.get("trigger").asString()).isEqualTo("complaint_rate");
        assertThat(warned.get("reason").asString()).contains("1 complaint in 10 sends over 7 days: 0.2%");
        assertThat(paused.get("trigger").asString()).isEqualTo("complaint_rate");
        assertThat(paused.get("reason").asString()).contains("2 complaints in 10 sends over 7 days: 0.4%")
                .contains("pause at 0.3%");
        assertThat(kafka.awaitEvents(Topic.MAILBOX_STATES.topicName(), e -> e.payload() instanceof MailboxStateChanged c
                && c.mailboxId().equals("mb-cr") && c.to().equals("paused"), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    /** ADR 0025/0024: a DSN whose category is sender-side is a sender rejection, never a recipient bounce. */
    @Test
    void pausesAMailboxOnThreeSenderSideDsnsWithoutCountingABounce() {
        kafka.publish(origin(mailbox("org-1", "mb-ss", "ss.test")));
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-ss", v -> v.get("registered").asBoolean());
        for (int i = 0; i < 3; i++) {
            EmailBounced b = dsn("mb-ss", "ss-" + i, "5.7.1", 554, "SOFT");
            kafka.publish(origin(new EmailBounced(b.orgId(), b.bounceId(), b.mailboxId(), b.sendId(), b.runId(),
                    b.campaignId(), b.leadId(), b.recipient(), "SOFT", "5.7.1", 554, "blocked",
                    "554 5.7.1 blocked using zen.spamhaus.org", b.dsnMessageId(), b.originalMessageId(),
                    BounceReason.POLICY_BLOCK)));
        }

        JsonNode paused = await(ACME_KEY, "/api/v1/protection/mailboxes/mb-ss", v -> v.get("state").asString()
                .equals("paused"));
        assertThat(paused.get("bounces").asLong()).isZero();
        JsonNode last = http.get("/api/v1/protection/mailboxes/mb-ss/transitions", "X-Api-Key", ACME_KEY).json().get(1);
        assertThat(last.get("trigger").asString()).isEqualTo("sender_rejection");
    }

    @Test
    void publishesAWatermarkForEveryTickItProcessesCausedByThatTick() {
        long target = TICK.get() + 2;
        tickTo(target);

        List<Envelope> marks = kafka.awaitEvents(Topic.PROTECTION_MODES.topicName(),
                e -> e.payload() instanceof ProtectionWatermark w && w.tick() >= target - 1, 2, Duration.ofSeconds(20));

        assertThat(marks).extracting(e -> ((ProtectionWatermark) e.payload()).tick()).contains(target - 1, target);
        Envelope last = marks.stream().filter(e -> e.logicalTime() == target).findFirst().orElseThrow();
        assertThat(last.orgId()).isEqualTo("system");
        assertThat(last.type()).isEqualTo(EventType.PROTECTION_WATERMARK);
        assertThat(last.causationId()).isNotNull();
        assertThat(kafka.await(Topic.PROTECTION_MODES.topicName(), r -> "clock".equals(r.key()), 1,
                Duration.ofSeconds(5))).isNotEmpty();
    }

    @Test
    void refusesBadOperatorRequestsWithSpecificProblems() {
        kafka.publish(origin(mailbox("org-1", "mb-op", "acme.test")));
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-op", v -> v.get("registered").asBoolean());

        assertThat(post("/api/v1/protection/mailboxes/mb-op/transitions", "{\"target\":\"paused\"}").status()).isEqualTo(400);
        TestHttp.Response invalid = post("/api/v1/protection/mailboxes/mb-op/transitions",
                "{\"target\":\"recovering\",\"reason\":\"x\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("target");
        assertThat(post("/api/v1/protection/mailboxes/mb-none/transitions", "{\"target\":\"paused\",\"reason\":\"x\"}").status())
                .isEqualTo(404);
        TestHttp.Response unsafe = post("/api/v1/protection/mailboxes/mb-op/transitions",
                "{\"target\":\"warm_recovery\",\"reason\":\"trust me\"}");
        assertThat(unsafe.status()).isEqualTo(409);
        assertThat(unsafe.body()).contains("force");
        assertThat(http.get("/api/v1/protection/mailboxes/mb-op", "X-Api-Key", ACME_KEY).json().get("state").asString())
                .isEqualTo("healthy");
    }

    @Test
    void recordsAForcedOperatorTransitionWithItsWarningAndActor() {
        kafka.publish(origin(mailbox("org-1", "mb-force", "acme.test")));
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-force", v -> v.get("registered").asBoolean());

        TestHttp.Response r = post("/api/v1/protection/mailboxes/mb-force/transitions",
                "{\"target\":\"warm_recovery\",\"reason\":\"migrated warm mailbox\",\"force\":true}");

        assertThat(r.status()).isEqualTo(201);
        JsonNode last = http.get("/api/v1/protection/mailboxes/mb-force/transitions", "X-Api-Key", ACME_KEY).json().get(1);
        assertThat(last.get("trigger").asString()).isEqualTo("operator");
        assertThat(last.get("forced").asBoolean()).isTrue();
        assertThat(last.get("warning").asString()).contains("skipped safety checks");
        assertThat(last.get("actor").asString()).isEqualTo("apikey:" + ApiKeys.sha256(ACME_KEY).substring(0, 12));
        assertThat(last.get("reason").asString()).isEqualTo("migrated warm mailbox");
    }

    @Test
    void pausesADomainWhenHalfItsMailboxesFailAndCascadesToTheRest() {
        for (String id : List.of("mb-c1", "mb-c2", "mb-c3")) {
            kafka.publish(origin(mailbox("org-1", id, "casc.test")));
        }
        await(ACME_KEY, "/api/v1/protection/domains/casc.test", v -> v.get("mailboxes").asInt() == 3);
        outcomes("mb-c1", "c1", 5, true);
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-c1", v -> v.get("state").asString().equals("paused"));
        outcomes("mb-c2", "c2", 5, true);

        JsonNode domain = await(ACME_KEY, "/api/v1/protection/domains/casc.test", v -> v.get("state").asString()
                .equals("paused"));
        assertThat(domain.get("unhealthyMailboxes").asInt()).isEqualTo(2);
        JsonNode third = await(ACME_KEY, "/api/v1/protection/mailboxes/mb-c3", v -> v.get("state").asString().equals("paused"));
        assertThat(third.get("frozenByDomainFrom").asString()).isEqualTo("healthy");
        JsonNode listed = http.get("/api/v1/protection/mailboxes?state=paused", "X-Api-Key", ACME_KEY).json();
        assertThat(listed.valueStream().map(m -> m.get("mailboxId").asString()).toList())
                .contains("mb-c1", "mb-c2", "mb-c3");
        assertThat(http.get("/api/v1/protection/domains/casc.test/transitions", "X-Api-Key", ACME_KEY).json().get(0)
                .get("to").asString()).isIn("warning", "paused");
    }

    @Test
    void pausesMailboxesOnTheirThirdSenderRejectionAndTheirDomainWhenTwoAreWithoutCountingABounce() {
        List<String> ids = List.of("mb-r1", "mb-r2", "mb-r3", "mb-r4", "mb-r5");
        ids.forEach(id -> kafka.publish(origin(mailbox("org-1", id, "rej.test"))));
        await(ACME_KEY, "/api/v1/protection/domains/rej.test", v -> v.get("mailboxes").asInt() == 5);
        for (int i = 0; i < 3; i++) {
            kafka.publish(origin(senderRejected("mb-r1", "r1-" + i)));
            kafka.publish(origin(failed("mb-r3", "t3-" + i, "TRANSIENT")));
        }

        JsonNode first = await(ACME_KEY, "/api/v1/protection/mailboxes/mb-r1", v -> v.get("state").asString().equals("paused"));
        assertThat(first.get("bounces").asInt()).isZero();
        assertThat(first.get("windowBounces").asInt()).isZero();
        assertThat(await(ACME_KEY, "/api/v1/protection/mailboxes/mb-r1/transitions", v -> v.size() >= 2).valueStream()
                .filter(t -> t.get("to").asString().equals("paused")).map(t -> t.get("trigger").asString()))
                .containsExactly("sender_rejection");
        assertThat(http.get("/api/v1/protection/domains/rej.test", "X-Api-Key", ACME_KEY).json().get("state").asString())
                .as("1 of 5 mailboxes: the ratio rule warns at most").isNotEqualTo("paused");
        assertThat(http.get("/api/v1/protection/mailboxes/mb-r3", "X-Api-Key", ACME_KEY).json().get("state").asString())
                .as("transient failures are no bounces").isEqualTo("healthy");

        for (int i = 0; i < 3; i++) {
            kafka.publish(origin(senderRejected("mb-r2", "r2-" + i)));
        }

        await(ACME_KEY, "/api/v1/protection/domains/rej.test", v -> v.get("state").asString().equals("paused"));
        assertThat(await(ACME_KEY, "/api/v1/protection/domains/rej.test/transitions", v -> true).valueStream()
                .filter(t -> t.get("to").asString().equals("paused")).map(t -> t.get("trigger").asString()))
                .containsExactly("sender_rejection");
        assertThat(await(ACME_KEY, "/api/v1/protection/mailboxes/mb-r5", v -> v.get("state").asString().equals("paused"))
                .get("frozenByDomainFrom").asString()).isEqualTo("healthy");
    }

    /** A receiver refuses the sender (an event from before the failure classes: inferred SENDER). */
    static EmailSendFailed senderRejected(String mailboxId, String sendId) {
        return new EmailSendFailed("org-1", sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                "ada@lead.test", "HARD_BOUNCE", 550, "5.7.1 Service unavailable; client host blocked by policy",
                TICK.get());
    }

    @Test
    void changesTheModeAndPublishesIt() {
        assertThat(statusOf(put("/api/v1/protection/mode", "{\"mode\":\"SUGGEST\",\"reason\":\"trial\"}",
                GLOBEX_KEY))).isEqualTo(200);
        assertThat(http.get("/api/v1/protection/mode", "X-Api-Key", GLOBEX_KEY).json().get("mode").asString())
                .isEqualTo("SUGGEST");
        assertThat(kafka.awaitEvents(Topic.PROTECTION_MODES.topicName(), e -> e.orgId().equals("org-2"), 1,
                Duration.ofSeconds(10))).hasSize(1);
        assertThat(statusOf(put("/api/v1/protection/mode", "{\"mode\":\"LOUD\"}", GLOBEX_KEY)))
                .isEqualTo(400);
    }

    @Test
    void answersNotFoundForAnotherOrganizationsMailboxAsForAnUnknownOne() {
        kafka.publish(origin(mailbox("org-1", "mb-acme", "acme.test")));
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-acme", v -> true);

        TestHttp.Response foreign = http.get("/api/v1/protection/mailboxes/mb-acme", "X-Api-Key", GLOBEX_KEY);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("mb-acme@acme.test");
        assertThat(http.get("/api/v1/protection/mailboxes/mb-acme/transitions", "X-Api-Key", GLOBEX_KEY).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/protection/mailboxes/mb-1", "X-Api-Key", "not-a-key").status()).isEqualTo(401);
    }

    private static int statusOf(java.net.http.HttpResponse<String> r) {
        return r.statusCode();
    }

    static java.net.http.HttpResponse<String> put(String path, String body, String key) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + protection.getEnvironment()
                                    .getProperty("local.server.port") + path))
                    .header("X-Api-Key", key).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestHttp.Response post(String path, String body) {
        return http.post(path, body, "X-Api-Key", ACME_KEY);
    }

    static JsonNode await(String key, String path, java.util.function.Predicate<JsonNode> done) {
        TestHttp.Response r = TestHttp.until(() -> http.get(path, "X-Api-Key", key),
                x -> x.status() == 200 && done.test(x.json()), Duration.ofSeconds(30));
        assertThat(r.status()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        assertThat(done.test(r.json())).as("GET %s never satisfied the condition; last: %s", path, r.body()).isTrue();
        return r.json();
    }

    static synchronized void tickTo(long tick) {
        while (TICK.get() < tick) {
            long t = TICK.incrementAndGet();
            kafka.publish(origin(new ClockTicked(t, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * t), 60)));
        }
    }

    static void outcomes(String mailboxId, String prefix, int n, boolean bounce) {
        for (int i = 0; i < n; i++) {
            kafka.publish(origin(bounce ? failed(mailboxId, prefix + i, "HARD_BOUNCE") : sent(mailboxId, prefix + i)));
        }
    }

    static MailboxRegistered mailbox(String orgId, String mailboxId, String domain) {
        return new MailboxRegistered(orgId, mailboxId, mailboxId + "@" + domain, domain, "smtp", 50, null, null);
    }

    static EmailSent sent(String orgId, String mailboxId, String sendId) {
        return new EmailSent(orgId, sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                "ada@lead.test", "<" + sendId + "@acme.test>", TICK.get());
    }

    static EmailSendFailed bounce(String orgId, String mailboxId, String sendId) {
        return new EmailSendFailed(orgId, sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                "ada@lead.test", "HARD_BOUNCE", 550, "5.1.1 user unknown", TICK.get());
    }

    static void bounces(String orgId, String mailboxId, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            kafka.publish(origin(bounce(orgId, mailboxId, prefix + i)));
        }
    }

    static EmailSent sent(String mailboxId, String sendId) {
        return new EmailSent("org-1", sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                "ada@lead.test", "<" + sendId + "@acme.test>", TICK.get());
    }

    static EmailSendFailed failed(String mailboxId, String sendId, String kind) {
        return new EmailSendFailed("org-1", sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                "ada@lead.test", kind, "HARD_BOUNCE".equals(kind) ? 550 : 421, "5.1.1 user unknown", TICK.get());
    }

    /** An asynchronous bounce of the send, as the reply poller publishes it (ADR 0015). */
    static EmailBounced dsn(String mailboxId, String sendId, String status, int smtpCode, String bounceClass) {
        return new EmailBounced("org-1", "bounce-" + mailboxId + "-" + sendId, mailboxId, sendId, "run-" + sendId,
                "c-1", "lead-" + sendId, "ada@lead.test", bounceClass, status, smtpCode, "undefined",
                status == null ? "delivery failed" : smtpCode + " " + status + " delivery failed",
                "<dsn-" + sendId + "@mx.lead.test>", "<" + sendId + "@acme.test>");
    }

    /** A spam complaint about a send of the mailbox, as the reply poller publishes it (ADR 0015). */
    static ComplaintReceived complaint(String mailboxId, String complaintId) {
        return new ComplaintReceived("org-1", complaintId, mailboxId, null, null, null, null, "ada@lead.test", "abuse",
                "<" + complaintId + "@fbl.test>", null);
    }

    static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
