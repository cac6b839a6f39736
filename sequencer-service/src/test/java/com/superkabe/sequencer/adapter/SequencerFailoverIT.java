package com.superkabe.sequencer.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.run.SendRequested;
import com.superkabe.kit.jdbc.LeaseKeeper;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sequencer.SequencerApplication;
import com.superkabe.sequencer.adapter.out.jdbc.RecordedHistory;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two sequencer replicas on one real broker and PostgreSQL schema (ADR 0052): only the lease holder
 * consumes and decides; when it is stopped mid-campaign the standby takes over and the campaign's daily
 * cap and each mailbox's send gap hold exactly, no send is requested twice, and the recorded input order
 * of both tenures replays to the same transitions.
 */
class SequencerFailoverIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SCHEMA = "sequencer_failover";
    private static final String ORG = "org-failover-" + UUID.randomUUID();
    private static final String KEY = "sk_test_" + UUID.randomUUID();
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final int CAP = 9;
    private static final int GAP_MINUTES = 2;

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static KafkaProbe kafka;
    private static JdbcClient db;

    static ConfigurableApplicationContext replica(String name) {
        return SequencerApplication.builder().run(TestInfra.args("--superkabe.clock.enabled=false",
                "--superkabe.schema=" + SCHEMA, "--spring.flyway.locations=classpath:db/kit,classpath:db/sequencer",
                "--superkabe.instance-id=" + name,
                "--superkabe.lease.renew-every=1s"));
    }

    static boolean holds(ConfigurableApplicationContext app) {
        return app.getBean("sequencerLease", LeaseKeeper.class).holding();
    }

    @BeforeAll
    static void start() throws Exception {
        a = replica("seq-a");
        await(() -> holds(a), "replica A takes the sequencer lease");
        b = replica("seq-b");
        db = b.getBean(JdbcClient.class); // B's pool outlives A
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        if (a.isActive()) {
            a.close();
        }
        b.close();
    }

    @Test
    void whenTheActiveReplicaStopsMidCampaignTheStandbyContinuesWithCapsAndGapsExactAndNoSendTwice() throws Exception {
        // given an organization, two mailboxes, a campaign capped at CAP sends a day with a send gap, 24 leads
        assertThat(holds(b)).as("B stands by").isFalse();
        kafka.publish(origin(new OrganizationRegistered(ORG, "Acme", ApiKeys.sha256(KEY)), -1));
        kafka.publish(origin(new OrganizationMailingAddressSet(ORG, "Acme Inc., 1 Main St, Springfield, IL 62701"), -1));
        List<String> mailboxes = List.of("mb-fo-1-" + UUID.randomUUID(), "mb-fo-2-" + UUID.randomUUID());
        for (String mb : mailboxes) {
            kafka.publish(origin(new MailboxRegistered(ORG, mb, mb + "@acme.test", "acme.test", "SMTP", 1_000, null,
                    null), -1));
        }
        await(() -> db.sql("SELECT count(*) FROM mailbox_availability WHERE org_id = ?").param(ORG).query(Long.class)
                .single() == 2, "mailboxes registered");
        TestHttp http = TestHttp.of(b); // the standby serves the API
        String body = TestHttp.json(Map.of("name", "Failover", "status", "ACTIVE", "mailboxIds", mailboxes,
                "dailyLimit", CAP, "sendGapMinutes", GAP_MINUTES,
                "steps", List.of(Map.of("subject", "Hello", "body", "Hi", "delayTicks", 0))));
        TestHttp.Response created = TestHttp.until(() -> http.post("/api/v1/campaigns", body, "X-Api-Key", KEY),
                x -> x.status() != 401, WAIT);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String campaign = created.json().get("campaignId").asString();
        int leads = 24;
        for (int i = 0; i < leads; i++) {
            kafka.publish(origin(new LeadGateAllowed(ORG, campaign, new LeadSnapshot("lead-" + i + "-" + UUID.randomUUID(),
                    "lead" + i + "@example.com", "Lead", null, null, null), "ENFORCE", List.of()), -1));
        }
        await(() -> db.sql("SELECT count(*) FROM run_view WHERE campaign_id = ?").param(campaign).query(Long.class)
                .single() == leads, "runs enrolled");

        // when ticks come in, and A is stopped after tick 4
        for (long tick = 1; tick <= 4; tick++) {
            tickAndAwait(tick);
        }
        int beforeFailover = sendsOf(campaign).size();
        assertThat(holds(a)).isTrue();
        a.close();
        for (long tick = 5; tick <= 30; tick++) {
            tickAndAwait(tick);
        }

        // then B took over, and the sends over both tenures keep the cap, the gap and one send per run
        assertThat(holds(b)).as("B holds the lease").isTrue();
        List<SendRequested> sends = sendsOf(campaign);
        assertThat(beforeFailover).as("A sent some before it stopped").isPositive().isLessThan(CAP);
        assertThat(sends.stream().map(SendRequested::sendId).distinct()).as("the campaign's daily cap, exactly")
                .hasSize(CAP);
        assertThat(sends.stream().map(SendRequested::runId).distinct()).as("one send per run").hasSize(CAP);
        Map<String, List<Long>> ticksByMailbox = new HashMap<>();
        Set<String> sendIds = new HashSet<>();
        for (SendRequested s : sends) {
            if (sendIds.add(s.sendId())) {
                ticksByMailbox.computeIfAbsent(s.mailboxId(), m -> new ArrayList<>()).add(s.tick());
            }
        }
        for (List<Long> ticks : ticksByMailbox.values()) {
            for (int i = 1; i < ticks.size(); i++) {
                assertThat(ticks.get(i) - ticks.get(i - 1)).as("gap between a mailbox's sends, in ticks of 60 s")
                        .isGreaterThanOrEqualTo(GAP_MINUTES);
            }
        }
        RecordedHistory.Verification replay = b.getBean(RecordedHistory.class).verify(new InMemoryRuns());
        assertThat(replay.reproduced()).as("mismatched runs %s", replay.mismatchedRuns()).isTrue();
        System.out.printf("sequencer failover: %d sends before A stopped, %d after; %d runs replayed%n",
                beforeFailover, CAP - beforeFailover, replay.runs());
    }

    /** Publishes a tick and waits until whichever replica holds the lease has handled it. */
    private static void tickAndAwait(long tick) throws InterruptedException {
        kafka.publish(origin(new ClockTicked(tick, EPOCH.plusSeconds(60 * tick), 60), tick));
        await(() -> db.sql("SELECT tick FROM clock_state WHERE id = 1").query(Long.class).single() >= tick,
                "tick " + tick + " handled");
    }

    private static List<SendRequested> sendsOf(String campaign) {
        long published = db.sql("SELECT count(*) FROM send_ledger WHERE campaign_id = ?").param(campaign)
                .query(Long.class).single();
        return kafka.awaitEvents(Topic.SEND_REQUESTS.topicName(), e -> e.payload() instanceof SendRequested r
                        && r.campaignId().equals(campaign), (int) published, WAIT).stream()
                .map(e -> e.payloadAs(SendRequested.class))
                .sorted(Comparator.comparingLong(SendRequested::tick)).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Envelope origin(SuperkabeEvent payload, long logicalTime) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, logicalTime,
                payload);
    }
}
