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
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestInfra;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gate's own PostgreSQL really goes away (connections refused, open ones terminated) while a
 * lead waits: the lead is retried on the logical clock, not dead-lettered, and decided once after.
 */
class GateStoreOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The database {@link TestInfra#jdbcUrl()} points every service at. */
    private static final String GATE_DATABASE = "postgres";
    private static ConfigurableApplicationContext gate;
    private static KafkaProbe kafka;
    private static long tick = 7_000;

    @BeforeAll
    static void start() {
        // its own schema, so the clock and watermarks it moves cannot touch the other tests' gate
        gate = GateApplication.builder().run(TestInfra.args("--superkabe.schema=gate_outage",
                "--spring.flyway.locations=classpath:db/kit,classpath:db/gate",
                "--spring.datasource.hikari.connection-timeout=1000",
                "--superkabe.gate.store-retry.base-ticks=2", "--superkabe.gate.store-retry.max-delay-ticks=3",
                "--superkabe.gate.store-retry.max-attempts=100"));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        gate.close();
    }

    @Test
    void keepsALeadThroughAnOutageOfItsDatabaseAndDecidesItOnceOnTheLogicalClockAfterRecovery() throws Exception {
        String org = id("org");
        String campaign = readyCampaign(org);
        Envelope accepted = origin(new LeadAccepted(org, id("lead"), "ada@example.com", "Ada", null, null, null, campaign,
                "GREEN", 100, "api"));
        String lead = ((LeadAccepted) accepted.payload()).leadId();

        // from another database of the server: a database cannot refuse connections to itself
        try (Connection admin = DriverManager.getConnection(TestInfra.postgres().getJdbcUrl("postgres", "template1"),
                "postgres", "postgres")) {
            try {
                takeDatabaseDown(admin);
                kafka.publish(accepted);
                for (int i = 0; i < 6; i++) {
                    publishTick();
                    Thread.sleep(700);
                }

                assertThat(decisionsFor(lead, 1, Duration.ofSeconds(3))).as("no decision while the store is down")
                        .isEmpty();
                assertThat(deadLettered(accepted.id(), Duration.ofSeconds(1))).as("not dead-lettered").isEmpty();
                // the lead listener waits; another listener may wait too if a record reached it meanwhile
                assertThat(gate.getBean(MeterRegistry.class).get("superkabe_gate_store_unavailable").gauge().value())
                        .isGreaterThanOrEqualTo(1.0);
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
        assertThat(decided).as("decided after recovery").hasSize(1);
        assertThat(decisionsFor(lead, 2, Duration.ofSeconds(3))).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EventType.LEAD_GATE_ALLOWED));
        assertThat(deadLettered(accepted.id(), Duration.ofSeconds(1))).isEmpty();
        // every input that waited (the clock's too, if a tick reached it during the outage) is consuming again
        // once its own retry tick has come: the next ticks bring that
        io.micrometer.core.instrument.Gauge waiting = gate.getBean(MeterRegistry.class)
                .get("superkabe_gate_store_unavailable").gauge();
        long until = System.nanoTime() + WAIT.toNanos();
        while (waiting.value() > 0 && System.nanoTime() < until) {
            publishTick();
            Thread.sleep(300);
        }
        assertThat(waiting.value()).isZero();
    }

    /** A campaign with one healthy mailbox, a current protection view, and a first lead already allowed. */
    private static String readyCampaign(String org) {
        String mailbox = id("mb");
        String campaign = id("c");
        kafka.publish(origin(new ProtectionWatermark(10_000_000)));
        kafka.publish(origin(new MailboxRegistered(org, mailbox, mailbox + "@d.test", "d.test", "SMTP", 50, null, null)));
        kafka.publish(origin(new MailboxStateChanged(org, mailbox, null, "warming", "healthy", "registered", "test",
                "ENFORCE", true, "protection", false, null, tick, 0, false, true)));
        kafka.publish(origin(new CampaignCreated(org, campaign, "Q4", "ACTIVE", 1, List.of(mailbox))));
        publishTick();
        String first = id("lead");
        List<Envelope> allowed = List.of();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (allowed.isEmpty() && System.nanoTime() < deadline) {
            // the campaign and mailbox topics are consumed independently: retry until the view has both
            kafka.publish(origin(new LeadAccepted(org, first, "x@example.com", "X", null, null, null, campaign, "GREEN", 100,
                    "api")));
            allowed = kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(first)
                    && e.type() == EventType.LEAD_GATE_ALLOWED, 1, Duration.ofSeconds(3));
        }
        assertThat(allowed).as("the gate is up and its view current; it decided %s", kafka.awaitEvents(
                Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(first), 10, Duration.ofSeconds(2))).hasSize(1);
        return campaign;
    }

    private static void takeDatabaseDown(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + GATE_DATABASE + " ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + GATE_DATABASE + "'");
        }
    }

    private static void bringDatabaseBack(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + GATE_DATABASE + " ALLOW_CONNECTIONS true");
        }
    }

    private static List<Envelope> decisionsFor(String lead, int count, Duration wait) {
        return kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead), count, wait);
    }

    private static List<?> deadLettered(String eventId, Duration wait) {
        return kafka.await("superkabe.dlt.gate-service", r -> r.headers().lastHeader("ce_id") != null
                && new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8).equals(eventId), 1, wait);
    }

    private static void publishTick() {
        tick++;
        kafka.publish(origin(new ClockTicked(tick, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * tick), 60)));
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, tick, payload);
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
