package com.superkabe.gate.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.ProtectionWatermark;
import com.superkabe.gate.GateApplication;
import com.superkabe.gate.application.CampaignViews;
import com.superkabe.gate.application.GateService;
import com.superkabe.gate.application.HealthViews;
import com.superkabe.gate.domain.CampaignView;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two gate replicas in one consumer group, on one broker and one PostgreSQL schema (issue #14 item 1,
 * ADR 0060): the lead partitions are shared out, the clock partition is one replica's, and what one
 * replica writes the other reads in its next transaction.
 */
class GateReplicasIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String SCHEMA = "gate_replicas";
    private static final int LEAD_PARTITIONS = Topic.LEADS.partitions();
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static KafkaProbe kafka;
    private static long tick = 50_000;

    @BeforeAll
    static void start() {
        first = replica();
        second = replica();
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        awaitSharesSettled();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        second.close();
        first.close();
    }

    private static ConfigurableApplicationContext replica() {
        return GateApplication.builder().run(TestInfra.args("--superkabe.schema=" + SCHEMA,
                "--spring.flyway.locations=classpath:db/kit,classpath:db/gate",
                "--spring.datasource.hikari.connection-timeout=1000",
                "--superkabe.gate.store-retry.base-ticks=2", "--superkabe.gate.store-retry.max-delay-ticks=3",
                "--superkabe.gate.store-retry.max-attempts=100"));
    }

    @Test
    void twoReplicasDecideDisjointSharesOfTheLeadPartitionsAndEveryLeadExactlyOnce() {
        Map<Integer, String> orgByPartition = orgsCoveringEveryLeadPartition();
        Map<String, String> campaigns = readyCampaigns(orgByPartition.values());
        List<String> leads = new ArrayList<>();
        campaigns.forEach((org, campaign) -> {
            for (int i = 0; i < 5; i++) {
                String lead = id("lead");
                leads.add(lead);
                kafka.publish(origin(accepted(org, lead, campaign)));
            }
        });

        List<Envelope> decided = kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(),
                e -> leads.contains(e.subject()), leads.size() + 1, Duration.ofSeconds(15));

        Set<Integer> a = assigned(first, "gate-leads");
        Set<Integer> b = assigned(second, "gate-leads");
        assertThat(a).as("each replica decides a share").isNotEmpty();
        assertThat(b).as("each replica decides a share").isNotEmpty();
        assertThat(a).as("the shares are disjoint").doesNotContainAnyElementsOf(b);
        Set<Integer> all = new HashSet<>(a);
        all.addAll(b);
        assertThat(all).hasSize(LEAD_PARTITIONS);
        assertThat(decided.stream().map(Envelope::subject).toList()).as("every lead decided once, by one replica")
                .hasSize(leads.size()).containsExactlyInAnyOrderElementsOf(leads);
        assertThat(decided).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.LEAD_GATE_ALLOWED));
    }

    @Test
    void aReplicaWithoutTheClockPartitionResumesOnTheLogicalClockAfterAnOutageOfTheDatabase() throws Exception {
        ConfigurableApplicationContext clockless = assigned(first, "gate-clock").isEmpty() ? first : second;
        assertThat(assigned(clockless == first ? second : first, "gate-clock")).as("the other replica has the clock")
                .containsExactly(0);
        int partition = assigned(clockless, "gate-leads").iterator().next();
        String org = orgOnPartition(partition);
        String campaign = readyCampaigns(List.of(org)).get(org);
        String lead = id("lead");

        try (Connection admin = DriverManager.getConnection(TestInfra.postgres().getJdbcUrl("postgres", "template1"),
                "postgres", "postgres")) {
            try {
                takeDatabaseDown(admin);
                kafka.publish(origin(accepted(org, lead, campaign)));
                for (int i = 0; i < 5; i++) {
                    publishTick();
                    Thread.sleep(700);
                }
                assertThat(decisionsFor(lead, 1, Duration.ofSeconds(2))).as("no decision while the store is down")
                        .isEmpty();
            } finally {
                bringDatabaseBack(admin);
            }
        }

        List<Envelope> decided = List.of();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (decided.isEmpty() && System.nanoTime() < deadline) {
            publishTick();
            decided = decisionsFor(lead, 1, Duration.ofSeconds(1));
        }
        assertThat(decided).as("the clockless replica's lead is decided after recovery, on ticks it never owned")
                .singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(EventType.LEAD_GATE_ALLOWED));
    }

    @Test
    void whatOneReplicaWritesTheOtherReadsInItsNextTransaction() {
        String org = id("org");
        String campaign = id("c");
        String mailbox = id("mb");
        inTransaction(first, () -> {
            first.getBean(CampaignViews.class).save(new CampaignView(org, campaign, "DRAFT", List.of(mailbox)));
            return null;
        });
        assertThat(inTransaction(second, () -> second.getBean(CampaignViews.class).find(campaign)))
                .hasValueSatisfying(v -> assertThat(v.status()).isEqualTo("DRAFT"));
        assertThat(inTransaction(second, () -> second.getBean(HealthViews.class).mailboxes(List.of(mailbox), tick)))
                .isEmpty();
        long clock = inTransaction(second, () -> second.getBean(HealthViews.class).tick());

        inTransaction(first, () -> {
            first.getBean(CampaignViews.class).save(new CampaignView(org, campaign, "ACTIVE", List.of(mailbox)));
            first.getBean(HealthViews.class).registerMailbox(mailbox, org, "d.test", 50);
            first.getBean(HealthViews.class).advanceTo(clock + 1_000_000);
            return null;
        });

        assertThat(inTransaction(second, () -> second.getBean(CampaignViews.class).find(campaign)))
                .hasValueSatisfying(v -> assertThat(v.status()).isEqualTo("ACTIVE"));
        assertThat(inTransaction(second, () -> second.getBean(HealthViews.class).mailboxes(List.of(mailbox), tick)))
                .containsKey(mailbox);
        assertThat(inTransaction(second, () -> second.getBean(HealthViews.class).tick())).isEqualTo(clock + 1_000_000);
    }

    @Test
    void aTickOlderThanOneTheOtherReplicaHandledMovesNothingBack() {
        HealthViews health = first.getBean(HealthViews.class);
        long now = inTransaction(first, health::tick);
        long newer = now + 10;
        inTransaction(second, () -> {
            second.getBean(GateService.class).onTick(origin(tickAt(newer)));
            return null;
        });

        inTransaction(first, () -> {
            first.getBean(GateService.class).onTick(origin(tickAt(newer - 1)));
            return null;
        });

        assertThat(first.getBean(JdbcClient.class).sql("SELECT tick FROM gate_clock WHERE id = 1").query(Long.class)
                .single()).isEqualTo(newer);
        assertThat(inTransaction(first, health::tick)).isEqualTo(newer);
    }

    private static <T> T inTransaction(ConfigurableApplicationContext replica, java.util.function.Supplier<T> work) {
        return replica.getBean(TransactionTemplate.class).execute(s -> work.get());
    }

    private static void awaitSharesSettled() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Set<Integer> a = assigned(first, "gate-leads");
            Set<Integer> b = assigned(second, "gate-leads");
            if (!a.isEmpty() && !b.isEmpty() && a.size() + b.size() == LEAD_PARTITIONS
                    && assigned(first, "gate-clock").size() + assigned(second, "gate-clock").size() == 1) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the two replicas never shared the partitions");
    }

    private static Set<Integer> assigned(ConfigurableApplicationContext replica, String listener) {
        var container = replica.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(listener);
        var partitions = container == null ? null : container.getAssignedPartitions();
        return partitions == null ? Set.of() : partitions.stream().map(TopicPartition::partition)
                .collect(Collectors.toSet());
    }

    private static Map<Integer, String> orgsCoveringEveryLeadPartition() {
        Map<Integer, String> orgs = new HashMap<>();
        while (orgs.size() < LEAD_PARTITIONS) {
            String org = id("org");
            orgs.putIfAbsent(partitionOf(org), org);
        }
        return orgs;
    }

    private static String orgOnPartition(int partition) {
        while (true) {
            String org = id("org");
            if (partitionOf(org) == partition) {
                return org;
            }
        }
    }

    /** The partition Kafka's default partitioner gives the key: the leads topic is keyed by organization. */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % LEAD_PARTITIONS;
    }

    /** Per organization a campaign with one healthy mailbox and a first lead already allowed. */
    private static Map<String, String> readyCampaigns(java.util.Collection<String> orgs) {
        Map<String, String> campaigns = new HashMap<>();
        kafka.publish(origin(new ProtectionWatermark(10_000_000)));
        for (String org : orgs) {
            String mailbox = id("mb");
            String campaign = id("c");
            kafka.publish(origin(new MailboxRegistered(org, mailbox, mailbox + "@d.test", "d.test", "SMTP", 50, null,
                    null)));
            kafka.publish(origin(new MailboxStateChanged(org, mailbox, null, "warming", "healthy", "registered", "test",
                    "ENFORCE", true, "protection", false, null, tick, 0, false, true)));
            kafka.publish(origin(new CampaignCreated(org, campaign, "Q4", "ACTIVE", 1, List.of(mailbox))));
            campaigns.put(org, campaign);
        }
        publishTick();
        Map<String, String> pending = new HashMap<>(campaigns);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            // the campaign and mailbox topics are consumed independently: probe until each view has both
            Map<String, String> probes = new HashMap<>();
            pending.forEach((org, campaign) -> {
                String probe = id("lead");
                probes.put(probe, org);
                kafka.publish(origin(accepted(org, probe, campaign)));
            });
            kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> probes.containsKey(e.subject())
                            && e.type() == EventType.LEAD_GATE_ALLOWED, probes.size(), Duration.ofSeconds(3))
                    .forEach(e -> pending.remove(probes.get(e.subject())));
        }
        assertThat(pending).as("every campaign's view became current").isEmpty();
        return campaigns;
    }

    private static LeadAccepted accepted(String org, String lead, String campaign) {
        return new LeadAccepted(org, lead, lead + "@example.com", "Ada", null, null, null, campaign, "GREEN", 100, "api");
    }

    private static void takeDatabaseDown(Connection admin) throws java.sql.SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres'");
        }
    }

    private static void bringDatabaseBack(Connection admin) throws java.sql.SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS true");
        }
    }

    private static List<Envelope> decisionsFor(String lead, int count, Duration wait) {
        return kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead), count, wait);
    }

    private static ClockTicked tickAt(long n) {
        return new ClockTicked(n, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * n), 60);
    }

    private static void publishTick() {
        tick++;
        kafka.publish(origin(tickAt(tick)));
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, tick, payload);
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
