package com.superkabe.gate.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.ProtectionModeChanged;
import com.superkabe.events.protection.ProtectionWatermark;
import com.superkabe.gate.GateApplication;
import com.superkabe.gate.application.CampaignViews;
import com.superkabe.gate.application.replay.GateReplay;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionTemplate;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The execution gate on a real broker and a real database, fed the events it consumes in production. */
class GateServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static ConfigurableApplicationContext gate;
    private static KafkaProbe kafka;
    private static TestHttp http;
    private static long tick = 1_000;

    @BeforeAll
    static void start() {
        gate = GateApplication.builder().run(TestInfra.args("--superkabe.gate.stale-after-ticks=5",
                "--superkabe.gate.retry.base-ticks=1", "--superkabe.gate.retry.max-delay-ticks=2"));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        http = TestHttp.of(gate);
    }

    @AfterAll
    static void stop() {
        kafka.close();
        gate.close();
    }

    @Test
    void allowsALeadIntoAnActiveCampaignOnceEvenWhenTheLeadEventArrivesTwice() {
        Org org = org();
        String campaign = org.campaignWith(1);
        String lead = id("lead");
        Envelope accepted = origin(accepted(org.id, lead, campaign));
        kafka.publish(accepted);
        kafka.publish(accepted);

        // the topics are consumed independently, so the lead may be held first: "allowed once" is the promise
        assertThat(kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead)
                && e.type() == EventType.LEAD_GATE_ALLOWED, 1, WAIT)).hasSize(1);
        assertThat(kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead)
                && e.type() == EventType.LEAD_GATE_ALLOWED, 2, Duration.ofSeconds(3))).singleElement()
                .satisfies(e -> {
                    assertThat(e.payloadAs(LeadGateAllowed.class).lead().email()).isEqualTo("ada@example.com");
                    assertCarriesHealthAndEsp(e);
                });
    }

    @Test
    void holdsALeadForAnUnknownCampaignAndAllowsItWhenTheCampaignArrivesWithoutPolling() {
        Org org = org();
        String mailbox = org.mailbox();
        String campaign = id("c");
        String lead = id("lead");
        kafka.publish(origin(accepted(org.id, lead, campaign)));
        assertThat(decisions(lead, 1)).singleElement().satisfies(e -> assertThat(e.payload())
                .isInstanceOfSatisfying(LeadGateBlocked.class, b -> {
                    assertThat(b.failureClass()).isEqualTo("SYNC_ISSUE");
                    assertThat(b.deferrable()).isTrue();
                }));

        kafka.publish(origin(new CampaignCreated(org.id, campaign, "late", "ACTIVE", 1, List.of(mailbox))));

        List<Envelope> decided = decisions(lead, 2);
        assertThat(decided).extracting(Envelope::type).containsExactly(EventType.LEAD_GATE_BLOCKED,
                EventType.LEAD_GATE_ALLOWED);
        assertCarriesHealthAndEsp(decided.getLast());
        assertReplaysToWhatTheGatePublished(org, "held-until-campaign", 2);
    }

    @Test
    void aLeadSubmittedWithAnotherOrganizationsCampaignIdIsHeldAsUnknownAndNeverReDecidedByThatCampaign() {
        Org victim = org();
        Org attacker = org();
        String campaign = id("c");
        kafka.publish(origin(new CampaignCreated(victim.id, campaign, "theirs", "ACTIVE", 1,
                List.of(victim.mailbox()))));
        String probe = id("lead");
        String own = id("lead");
        kafka.publish(origin(accepted(victim.id, own, campaign)));
        // the campaigns topic may be read after the leads topic: the victim's own lead is held until then
        assertThat(kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(own)
                && e.type() == EventType.LEAD_GATE_ALLOWED, 1, WAIT)).as("the victim's own lead is allowed").hasSize(1);
        kafka.publish(origin(accepted(attacker.id, probe, campaign)));
        assertThat(decisions(probe, 1)).singleElement().satisfies(e -> assertThat(e.payload())
                .isInstanceOfSatisfying(LeadGateBlocked.class, b -> assertThat(b.reason())
                        .contains("is not configured")));

        kafka.publish(origin(new com.superkabe.events.campaign.CampaignStatusChanged(victim.id, campaign, "ACTIVE",
                "PAUSED")));
        kafka.publish(origin(new com.superkabe.events.campaign.CampaignStatusChanged(victim.id, campaign, "PAUSED",
                "ACTIVE")));

        assertThat(kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(probe), 2,
                Duration.ofSeconds(2))).as("no re-decision tells the prober the campaign changed").hasSize(1);
    }

    @Test
    void pausesALeadAsAHealthIssueWhileEveryMailboxIsPausedAndAllowsItAfterRecoveryAndRelease() {
        Org org = org();
        String campaign = org.campaignWith(3);
        org.mailboxes.forEach(m -> kafka.publish(origin(state(org.id, m, "healthy", "paused", "bounce_threshold"))));
        awaitMailboxState(org, "paused");
        String lead = id("lead");
        kafka.publish(origin(accepted(org.id, lead, campaign)));

        assertThat(decisions(lead, 1)).singleElement().satisfies(e -> assertThat(e.payload())
                .isInstanceOfSatisfying(LeadGateBlocked.class, b -> {
                    assertThat(b.failureClass()).isEqualTo("HEALTH_ISSUE");
                    assertThat(b.reason()).startsWith("No healthy mailboxes available. 3 paused due to bounce threshold.");
                    assertThat(b.retryable()).isFalse();
                    assertThat(b.deferrable()).isFalse();
                }));
        JsonNode explained = TestHttp.until(() -> http.get("/api/v1/leads/" + lead + "/gate-decisions", "X-Api-Key",
                org.key), r -> r.status() == 200, WAIT).json();
        assertThat(explained.get(0).get("checks").get(2).get("text").asString())
                .isEqualTo("Mailboxes available? NO — all 3 mailboxes paused");
        assertThat(explained.get(0).get("checks").get(3).get("answer").asString()).isEqualTo("N/A");

        org.mailboxes.forEach(m -> kafka.publish(origin(state(org.id, m, "warm_recovery", "healthy", "graduated"))));
        awaitMailboxState(org, "healthy");
        TestHttp.Response released = http.post("/api/v1/leads/" + lead + "/release", "", "X-Api-Key", org.key);
        assertThat(released.json().get("released").asInt()).isEqualTo(1);

        List<Envelope> decided = decisions(lead, 2);
        assertThat(decided).extracting(Envelope::type).containsExactly(EventType.LEAD_GATE_BLOCKED,
                EventType.LEAD_GATE_ALLOWED);
        assertCarriesHealthAndEsp(decided.getLast());
        assertReplaysToWhatTheGatePublished(org, "paused-then-released", 2);
    }

    @Test
    void releasingALeadTheOrganizationDoesNotHaveIsA404NamingItAndAnotherOrganizationsLeadAnswersTheSame() {
        Org owner = org();
        Org other = org();
        String campaign = owner.campaignWith(1);
        String lead = id("lead");
        kafka.publish(origin(accepted(owner.id, lead, campaign)));
        decisions(lead, 1);
        String unknown = id("lead");

        TestHttp.Response unknownAnswer = http.post("/api/v1/leads/" + unknown + "/release", "", "X-Api-Key", other.key);
        TestHttp.Response foreignAnswer = http.post("/api/v1/leads/" + lead + "/release", "", "X-Api-Key", other.key);
        TestHttp.Response notPaused = http.post("/api/v1/leads/" + lead + "/release", "", "X-Api-Key", owner.key);
        TestHttp.Response foreignCampaign = http.post("/api/v1/campaigns/" + campaign + "/release", "", "X-Api-Key",
                other.key);

        assertThat(unknownAnswer.status()).isEqualTo(404);
        assertThat(unknownAnswer.json().get("detail").asString()).contains(unknown);
        assertThat(foreignAnswer.status()).isEqualTo(404);
        assertThat(foreignAnswer.json().get("detail").asString())
                .isEqualTo(unknownAnswer.json().get("detail").asString().replace(unknown, lead));
        assertThat(foreignCampaign.status()).isEqualTo(404);
        assertThat(notPaused.status()).isEqualTo(409);
        assertThat(notPaused.json().get("detail").asString()).contains(lead).contains("ACTIVE");
        assertThat(kafka.awaitEvents(Topic.GATE_CHECKS.topicName(), e -> e.type() == EventType.GATE_RELEASE_REQUESTED
                && (e.orgId().equals(owner.id) || e.orgId().equals(other.id)), 1, Duration.ofSeconds(2)))
                .as("a refused release records no operator action").isEmpty();
    }

    @Test
    void allowsUnderObserveModeButRecordsWhatEnforceWouldHaveDone() {
        Org org = org();
        String campaign = org.campaignWith(1);
        kafka.publish(origin(new ProtectionModeChanged(org.id, "ENFORCE", "OBSERVE", "ops", "trial", tick)));
        kafka.publish(origin(state(org.id, org.mailboxes.getFirst(), "healthy", "paused", "bounce_threshold")));
        awaitMailboxState(org, "paused");
        // modes and mailbox states are read by different listeners: the lead must come after both
        awaitMode(org, "OBSERVE");
        String lead = id("lead");
        kafka.publish(origin(accepted(org.id, lead, campaign)));

        assertThat(decisions(lead, 1)).singleElement().satisfies(e -> assertThat(e.payload())
                .isInstanceOfSatisfying(LeadGateAllowed.class, a -> {
                    assertThat(a.mode()).isEqualTo("OBSERVE");
                    assertThat(a.observedFailureClass()).isEqualTo("HEALTH_ISSUE");
                }));
        assertReplaysToWhatTheGatePublished(org, "observe-mode", 1);
    }

    @Test
    void treatsTheProtectionHeartbeatAsTheAgeOfItsViewAndRetriesUntilItIsCurrent() {
        Org org = org();
        String campaign = org.campaignWith(1);
        awaitMailboxState(org, "healthy");
        kafka.publish(origin(new ProtectionWatermark(tick)));
        publishTicks(8);
        awaitGateClock(tick); // the clock and the leads are consumed by different listeners
        String lead = id("lead");
        kafka.publish(origin(accepted(org.id, lead, campaign)));
        try {
            assertThat(decisions(lead, 1)).singleElement().satisfies(e -> assertThat(e.payload())
                    .isInstanceOfSatisfying(LeadGateBlocked.class, b -> assertThat(b.failureClass())
                            .isEqualTo("INFRA_ISSUE")));
        } finally {
            // protection catches up (and, for the other tests, stays ahead of the clock)
            kafka.publish(origin(new ProtectionWatermark(tick + 1_000_000)));
        }
        int decided = assertRetriedAsInfraIssueUntilAllowed(lead);
        assertReplaysToWhatTheGatePublished(org, "infra-retries", decided);
    }

    @Test
    void sendsAnUndecodableRecordToTheDeadLetterTopicWithItsCauseAndKeepsConsuming() {
        String marker = id("poison");
        kafka.publishRaw(Topic.LEADS.topicName(), "org-1", Map.of("ce_type", "superkabe.lead.accepted.v1",
                "ce_id", marker), "{not json".getBytes(StandardCharsets.UTF_8));
        Org org = org();
        String campaign = org.campaignWith(1);
        String lead = id("lead");
        kafka.publish(origin(accepted(org.id, lead, campaign)));

        List<ConsumerRecord<String, byte[]>> dead = kafka.await("superkabe.dlt.gate-service",
                r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8).equals(marker), 1, WAIT);
        assertThat(dead).singleElement().satisfies(r -> assertThat(new String(
                r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("Invalid LeadAccepted payload"));
        assertThat(kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead)
                && e.type() == EventType.LEAD_GATE_ALLOWED, 1, WAIT)).hasSize(1);
    }

    @Test
    void admissionsShareTheirCampaignsLockButNeverOverlapAConfigurationChangeOfTheCampaign() throws Exception {
        CampaignViews views = gate.getBean(CampaignViews.class);
        TransactionTemplate tx = gate.getBean(TransactionTemplate.class);
        String campaign = id("c");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // an admission holding the campaign lets another admission in, but not a configuration change
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Future<?> admission = threads.submit(() -> tx.executeWithoutResult(s -> {
                views.lockShared(List.of(campaign));
                holding.countDown();
                await(done);
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(threads.submit(() -> tx.executeWithoutResult(s -> views.lockShared(List.of(campaign))))
                    .get(10, TimeUnit.SECONDS)).isNull();
            Future<Long> change = threads.submit(() -> tx.execute(s -> {
                views.lock(campaign);
                return System.nanoTime();
            }));
            Thread.sleep(500);
            assertThat(change.isDone()).as("the change waits for the admission to commit").isFalse();
            long committed = System.nanoTime();
            done.countDown();
            admission.get(10, TimeUnit.SECONDS);
            assertThat(change.get(10, TimeUnit.SECONDS)).isGreaterThan(committed);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A fresh organization with its own API key, mailboxes and mode, so tests do not see each other. */
    private static final class Org {
        final String id = id("org");
        final String key = "sk_" + UUID.randomUUID();
        final java.util.List<String> mailboxes = new java.util.ArrayList<>();
        final String domain = id("d") + ".test";

        Org() {
            kafka.publish(origin(new OrganizationRegistered(id, "Acme", ApiKeys.sha256(key))));
            kafka.publish(origin(new ProtectionModeChanged(id, "OBSERVE", "ENFORCE", "ops", "tests", tick)));
        }

        String mailbox() {
            String m = id("mb");
            mailboxes.add(m);
            kafka.publish(origin(new MailboxRegistered(id, m, m + "@" + domain, domain, "SMTP", 50, null, null)));
            kafka.publish(origin(state(id, m, "warming", "healthy", "registered")));
            return m;
        }

        /** Waits until the gate's view has every mailbox of this organization in {@code state}. */
        void jdbcWait(String state) {
            org.springframework.jdbc.core.simple.JdbcClient jdbc = gate.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline && jdbc.sql("SELECT count(*) FROM mailbox_view WHERE mailbox_id IN (:ids) "
                    + "AND state = :s AND domain IS NOT NULL").param("ids", mailboxes).param("s", state).query(Long.class)
                    .single() < mailboxes.size()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        String campaignWith(int mailboxCount) {
            for (int i = 0; i < mailboxCount; i++) {
                mailbox();
            }
            String campaign = id("c");
            kafka.publish(origin(new CampaignCreated(id, campaign, "Q4", "ACTIVE", 1, List.copyOf(mailboxes))));
            return campaign;
        }
    }

    private static Org org() {
        return new Org();
    }

    private static MailboxStateChanged state(String org, String mailbox, String from, String to, String trigger) {
        return new MailboxStateChanged(org, mailbox, null, from, to, trigger, "test: " + trigger, "ENFORCE", true,
                "protection", false, null, tick, 0, false, !"paused".equals(to));
    }

    private static void awaitMode(Org org, String mode) {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = gate.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!mode.equals(jdbc.sql("SELECT mode FROM org_mode WHERE org_id = ?").param(org.id).query(String.class)
                .optional().orElse(null))) {
            assertThat(System.nanoTime()).as("the gate has %s in mode %s", org.id, mode).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void awaitMailboxState(Org org, String state) {
        org.jdbcWait(state);
    }

    private static List<Envelope> decisions(String lead, int count) {
        List<Envelope> found = kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead), count,
                WAIT);
        assertThat(found).as("decisions for %s", lead).hasSize(count);
        return found;
    }

    /**
     * Retries race the catching-up view, so any number of INFRA blocks may precede the one allow. The clock keeps running, a tick every two seconds, until the retried lead is allowed: the watermark and the
     * ticks arrive on different listeners, so a fixed number of ticks may all be handled before the gate
     * has read protection's new watermark, and the retry would then wait for a tick that never comes.
     */
    private static int assertRetriedAsInfraIssueUntilAllowed(String lead) {
        List<Envelope> found = List.of();
        for (long deadline = System.nanoTime() + WAIT.toNanos(); found.isEmpty() && System.nanoTime() < deadline; ) {
            publishTicks(1);
            found = kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead)
                    && e.type() == EventType.LEAD_GATE_ALLOWED, 1, Duration.ofSeconds(2));
        }
        assertThat(found).as("an allowed decision for %s", lead).hasSize(1);
        List<Envelope> all = kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead), 100,
                Duration.ofSeconds(1));
        assertThat(all.getLast().type()).isEqualTo(EventType.LEAD_GATE_ALLOWED);
        assertCarriesHealthAndEsp(all.getLast());
        assertThat(all.subList(0, all.size() - 1)).isNotEmpty().allSatisfy(e -> assertThat(e.payloadAs(LeadGateBlocked.class)
                .failureClass()).isEqualTo("INFRA_ISSUE"));
        return all.size();
    }

    /**
     * The organization's records of the gate's two topics, replayed into a fresh decider, reach the
     * decisions the gate published (ADR 0047). With {@code -Dgate.history.write=true} the records are
     * written as a golden history for {@code GateGoldenHistoryTest}.
     */
    private static void assertReplaysToWhatTheGatePublished(Org org, String name, int decisions) {
        List<Envelope> published = kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.orgId().equals(org.id),
                decisions, WAIT);
        List<Envelope> inputs = kafka.awaitEvents(Topic.GATE_CHECKS.topicName(), e -> e.orgId().equals(org.id),
                Integer.MAX_VALUE, Duration.ofSeconds(2));
        List<Envelope> history = new java.util.ArrayList<>(inputs);
        history.addAll(published);
        GateReplay replay = GateReplay.replay(history);

        assertThat(inputs).as("every decision's answers are on the checks topic")
                .filteredOn(e -> e.type() == EventType.LEAD_GATE_CHECKED).hasSize(published.size());
        assertThat(replay.divergences()).isEmpty();
        assertThat(replay.stateHashes()).isEqualTo(replay.publishedHashes()).isNotEmpty();
        if (Boolean.getBoolean("gate.history.write")) {
            com.superkabe.gate.replay.GateHistoryFiles.write(name, history);
        }
    }

    private static void awaitGateClock(long atLeast) {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = gate.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.sql("SELECT tick FROM gate_clock WHERE id = 1").query(Long.class).single() < atLeast) {
            assertThat(System.nanoTime()).as("the gate's clock reaches tick %d", atLeast).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void publishTicks(int n) {
        for (int i = 0; i < n; i++) {
            tick++;
            kafka.publish(origin(new ClockTicked(tick, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * tick), 60)));
        }
    }

    private static LeadAccepted accepted(String org, String lead, String campaign) {
        return new LeadAccepted(org, lead, "ada@example.com", "Ada", "Lovelace", "AE", "CTO", campaign, "YELLOW", 70,
                "api", null, RecipientEsp.MICROSOFT);
    }

    /** What LeadAccepted said about the lead reaches the sequencer, however late the gate allows it. */
    private static void assertCarriesHealthAndEsp(Envelope allowed) {
        assertThat(allowed.payloadAs(LeadGateAllowed.class).lead()).satisfies(l -> {
            assertThat(l.health()).isEqualTo("YELLOW");
            assertThat(l.esp()).isEqualTo(RecipientEsp.MICROSOFT);
        });
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, tick, payload);
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
