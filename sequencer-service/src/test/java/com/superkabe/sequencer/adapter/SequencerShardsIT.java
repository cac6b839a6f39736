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
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sequencer.SequencerApplication;
import com.superkabe.sequencer.adapter.in.kafka.SequencerShards;
import com.superkabe.sequencer.adapter.out.jdbc.RecordedHistory;
import com.superkabe.sequencer.application.Shards;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sequencer partitioned by organization (ADR 0065): two replicas, two shards, one real broker and
 * PostgreSQL schema. Each replica holds one shard and decides for its organizations at the same time;
 * when one replica stops, its shard moves to the other within the lease's time to live, and when a third
 * joins, the shard moves to it; for both organizations the campaign's daily cap and each mailbox's send
 * gap hold exactly, no run is sent twice, and each shard's recorded inputs replay to the same transitions.
 */
class SequencerShardsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SCHEMA = "sequencer_shards";
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    /** About one send a tick (two mailboxes, a 2-minute gap): the cap is reached after C has joined. */
    private static final int CAP = 20;
    private static final int GAP_MINUTES = 2;
    private static final int LEADS = 24;
    /** One organization on each shard. */
    private static final List<String> ORGS = List.of(orgOnShard(0), orgOnShard(1));
    /** Groups of this run only, from the latest offsets: other test classes share the broker and its topics. */
    private static final String GROUP = "sequencer-shards-it-" + UUID.randomUUID();

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static ConfigurableApplicationContext c;
    private static KafkaProbe kafka;
    private static JdbcClient db;

    static ConfigurableApplicationContext replica(String name) {
        return SequencerApplication.builder().run(TestInfra.args("--superkabe.clock.enabled=false",
                "--superkabe.schema=" + SCHEMA, "--spring.flyway.locations=classpath:db/kit,classpath:db/sequencer",
                "--superkabe.instance-id=" + name, "--superkabe.sequencer.shards=2",
                "--spring.kafka.consumer.group-id=" + GROUP, "--spring.kafka.consumer.auto-offset-reset=latest",
                "--superkabe.lease.renew-every=1s"));
    }

    static List<Integer> held(ConfigurableApplicationContext app) {
        return app.getBean(SequencerShards.class).held();
    }

    static String orgOnShard(int shard) {
        String org;
        do {
            org = "org-shard-" + UUID.randomUUID();
        } while (Shards.of(org, 2) != shard);
        return org;
    }

    @BeforeAll
    static void start() throws Exception {
        a = replica("seq-a");
        await(() -> held(a).equals(List.of(0, 1)), "replica A, alone, takes both shards");
        b = replica("seq-b");
        db = a.getBean(JdbcClient.class); // A outlives B
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        if (c != null) {
            c.close();
        }
        a.close();
        if (b.isActive()) {
            b.close();
        }
    }

    @Test
    void replicasEachDecideForTheirShardAndAsTheyLeaveAndJoinShardsMoveWithCapsAndGapsExact() throws Exception {
        // given B joined, so A handed shard 1 over: both replicas decide at once, one shard each
        await(() -> held(a).equals(List.of(0)) && held(b).equals(List.of(1)), "one shard each");
        await(() -> a.getBean(SequencerShards.class).consuming(0) && b.getBean(SequencerShards.class).consuming(1)
                && a.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class)
                .getListenerContainer("sequencer-service-organizations").getAssignedPartitions() != null
                && !a.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class)
                .getListenerContainer("sequencer-service-organizations").getAssignedPartitions().isEmpty(),
                "each shard's consumer and the organizations listener have their partitions");
        // and in each organization two mailboxes, a campaign capped at CAP sends a day with a send gap, 24 leads
        List<String> campaigns = new ArrayList<>();
        for (String org : ORGS) {
            campaigns.add(campaign(org));
        }

        // when ticks come in, and B is stopped after tick 4
        for (long tick = 1; tick <= 4; tick++) {
            tickAndAwait(tick);
        }
        List<Integer> sentBefore = campaigns.stream().map(c -> sendsOf(c).size()).toList();
        assertThat(held(a)).containsExactly(0);
        assertThat(held(b)).containsExactly(1);
        assertThat(inputsRecorded(0)).as("shard 0 recorded its inputs").isPositive();
        assertThat(inputsRecorded(1)).as("shard 1 recorded its inputs").isPositive();
        long stopped = System.nanoTime();
        b.close();
        await(() -> held(a).equals(List.of(0, 1)), "A takes shard 1 over");
        double movedSeconds = (System.nanoTime() - stopped) / 1e9;
        for (long tick = 5; tick <= 15; tick++) {
            tickAndAwait(tick);
        }
        // and a third replica joins mid-campaign: A hands shard 1 over to it
        c = replica("seq-c");
        await(() -> held(a).equals(List.of(0)) && held(c).equals(List.of(1))
                && c.getBean(SequencerShards.class).consuming(1), "C takes shard 1 from A");
        int beforeC = sendsOf(campaigns.get(1)).size();
        for (long tick = 16; tick <= 30; tick++) {
            tickAndAwait(tick);
        }

        // then in each organization the cap, the gap and one send per run held over both tenures
        assertThat(movedSeconds).as("shard 1 moved within the lease ttl (10 s)").isLessThan(10);
        assertThat(beforeC).as("C decided sends of shard 1 too").isLessThan(CAP);
        for (int i = 0; i < campaigns.size(); i++) {
            List<SendRequested> sends = sendsOf(campaigns.get(i));
            assertThat(sentBefore.get(i)).as("shard %d sent before the stop", i).isPositive().isLessThan(CAP);
            assertThat(sends.stream().map(SendRequested::sendId).distinct()).as("the daily cap, exactly").hasSize(CAP);
            assertThat(sends.stream().map(SendRequested::runId).distinct()).as("one send per run").hasSize(CAP);
            assertThat(ledgerRows(campaigns.get(i))).as("each send decided once").isEqualTo(CAP);
            Map<String, List<Long>> ticksByMailbox = new HashMap<>();
            java.util.Set<String> sendIds = new java.util.HashSet<>();
            for (SendRequested s : sends) {
                if (sendIds.add(s.sendId())) { // a relay's copy after a failover is the same event again
                    ticksByMailbox.computeIfAbsent(s.mailboxId(), m -> new ArrayList<>()).add(s.tick());
                }
            }
            for (List<Long> ticks : ticksByMailbox.values()) {
                for (int k = 1; k < ticks.size(); k++) {
                    assertThat(ticks.get(k) - ticks.get(k - 1)).as("gap between a mailbox's sends, in ticks of 60 s")
                            .isGreaterThanOrEqualTo(GAP_MINUTES);
                }
            }
        }
        assertThat(a.getBean(io.micrometer.core.instrument.MeterRegistry.class).counter("superkabe_events_consumed",
                "type", "superkabe.clock.ticked.v1", "outcome", "handled").count())
                .as("ticks handled, the series the clock-stalled alert reads").isPositive();
        RecordedHistory history = a.getBean(RecordedHistory.class);
        for (int shard = 0; shard < 2; shard++) {
            RecordedHistory.Verification replay = history.verify(shard, new InMemoryRuns());
            assertThat(replay.runs()).as("shard %d's runs are its organization's", shard).isEqualTo(LEADS);
            assertThat(replay.reproduced()).as("shard %d mismatched runs %s", shard, replay.mismatchedRuns()).isTrue();
        }
        System.out.printf("sequencer shards: sends before B stopped %s; shard 1 moved to A in %.1f s; shard 1's "
                + "sends before C joined %d of %d; %d ticks per shard recorded%n", sentBefore, movedSeconds, beforeC,
                CAP, ticksRecorded(1));
    }

    private static String campaign(String org) throws Exception {
        String key = "sk_test_" + UUID.randomUUID();
        kafka.publish(origin(new OrganizationRegistered(org, "Acme", ApiKeys.sha256(key)), -1));
        kafka.publish(origin(new OrganizationMailingAddressSet(org, "Acme Inc., 1 Main St, Springfield, IL 62701"), -1));
        List<String> mailboxes = List.of("mb-sh-1-" + UUID.randomUUID(), "mb-sh-2-" + UUID.randomUUID());
        for (String mb : mailboxes) {
            kafka.publish(origin(new MailboxRegistered(org, mb, mb + "@acme.test", "acme.test", "SMTP", 1_000, null,
                    null), -1));
        }
        await(() -> db.sql("SELECT count(*) FROM mailbox_availability WHERE org_id = ?").param(org).query(Long.class)
                .single() == 2, "mailboxes registered");
        TestHttp http = TestHttp.of(b);
        String body = TestHttp.json(Map.of("name", "Sharded", "status", "ACTIVE", "mailboxIds", mailboxes,
                "dailyLimit", CAP, "sendGapMinutes", GAP_MINUTES,
                "steps", List.of(Map.of("subject", "Hello", "body", "Hi", "delayTicks", 0))));
        TestHttp.Response created = TestHttp.until(() -> http.post("/api/v1/campaigns", body, "X-Api-Key", key),
                x -> x.status() != 401, WAIT);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String campaign = created.json().get("campaignId").asString();
        for (int i = 0; i < LEADS; i++) {
            kafka.publish(origin(new LeadGateAllowed(org, campaign, new LeadSnapshot("lead-" + i + "-" + UUID.randomUUID(),
                    "lead" + i + "@example.com", "Lead", null, null, null), "ENFORCE", List.of()), -1));
        }
        await(() -> db.sql("SELECT count(*) FROM run_view WHERE campaign_id = ?").param(campaign).query(Long.class)
                .single() == LEADS, "runs enrolled");
        return campaign;
    }

    /** Publishes a tick and waits until both shards have handled it, on whichever replica holds each. */
    private static void tickAndAwait(long tick) throws InterruptedException {
        kafka.publish(origin(new ClockTicked(tick, EPOCH.plusSeconds(60 * tick), 60), tick));
        await(() -> db.sql("SELECT count(*) FROM clock_state WHERE id IN (1, 2) AND tick >= ?").param(tick)
                .query(Long.class).single() == 2, "tick " + tick + " handled by both shards");
    }

    private static long ledgerRows(String campaign) {
        return db.sql("SELECT count(*) FROM send_ledger WHERE campaign_id = ?").param(campaign).query(Long.class)
                .single();
    }

    private static long inputsRecorded(int shard) {
        return db.sql("SELECT count(*) FROM shard_inbox WHERE shard = ?").param(shard).query(Long.class).single();
    }

    private static long ticksRecorded(int shard) {
        return db.sql("SELECT count(*) FROM shard_inbox WHERE shard = ? AND topic = ?")
                .params(shard, Topic.CLOCK.topicName()).query(Long.class).single();
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
