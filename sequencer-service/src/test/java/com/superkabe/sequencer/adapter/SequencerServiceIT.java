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
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.EmailUnsubscribed;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sequencer.SequencerApplication;
import com.superkabe.sequencer.adapter.out.jdbc.JdbcRunViews;
import com.superkabe.sequencer.adapter.out.jdbc.RecordedHistory;
import com.superkabe.sequencer.application.SequencerService;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.application.replay.Replayer;
import com.superkabe.sequencer.application.RunViews;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.sequencer.domain.RunDecider;
import com.superkabe.sequencer.domain.RunStatus;
import com.superkabe.sequencer.domain.Spintax;
import com.superkabe.sequencer.domain.StepTemplate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A run's whole life through the real sequencer (Axon on the JDBC event store, real Kafka, real
 * PostgreSQL), then replay of its recorded inputs into a fresh in-memory instance.
 */
class SequencerServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static TestHttp http;
    private static final String ORG = "org-seq-" + UUID.randomUUID();
    private static final String KEY = "sk_test_" + UUID.randomUUID();
    private static long tick;
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeAll
    static void start() {
        app = SequencerApplication.builder().run(TestInfra.args("--superkabe.clock.enabled=false",
                // pages of two, so a tick's later pages run the due query with blocked campaigns, mailboxes and pairs
                "--superkabe.sequencer.dispatch.page-size=2"));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        http = TestHttp.of(app);
        kafka.publish(origin(new OrganizationRegistered(ORG, "Acme", ApiKeys.sha256(KEY)), -1));
        // campaigns are activated only with the organization's postal address (ADR 0020)
        kafka.publish(origin(new OrganizationMailingAddressSet(ORG, "Acme Inc., 1 Main St, Springfield, IL 62701"), -1));
        register("mb-1");
    }

    /** A campaign lists only mailboxes its organization registered; the registration arrives as an event. */
    private static void register(String mailbox) {
        kafka.publish(origin(new MailboxRegistered(ORG, mailbox, mailbox + "@acme.test", "acme.test", "SMTP", 1_000,
                null, null), -1));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jdbc.sql("SELECT count(*) FROM mailbox_availability WHERE mailbox_id = ? AND org_id = ?")
                .params(mailbox, ORG).query(Long.class).single() == 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
    }

    @Test
    void sendsEachStepWhenDueAndStopsARunOnReplyAndTheEventStoreReplaysToTheSameTransitions() {
        String campaign = createCampaign();
        String adaRun = enroll(campaign, "lead-ada-" + UUID.randomUUID());
        String bobRun = enroll(campaign, "lead-bob-" + UUID.randomUUID());

        publishTick();
        SendRequested adaFirst = awaitSend(adaRun, 0);
        SendRequested bobFirst = awaitSend(bobRun, 0);
        assertThat(adaFirst.subjectLine()).isEqualTo("Hello Ada");
        kafka.publish(origin(sent(adaFirst), adaFirst.tick()));
        kafka.publish(origin(sent(bobFirst), bobFirst.tick()));
        kafka.publish(origin(new ReplyReceived(ORG, "reply-1", "mb-1", adaFirst.sendId(), adaRun, adaFirst.leadId(),
                "<x>", "ada@example.com", "Re: Hello Ada"), -1));
        assertThat(kafka.awaitEvents(Topic.RUNS.topicName(), e -> e.payload() instanceof RunReplied r
                && r.runId().equals(adaRun), 1, WAIT)).hasSize(1);

        publishTick();
        publishTick();
        publishTick();
        SendRequested bobSecond = awaitSend(bobRun, 1);
        assertThat(bobSecond.subjectLine()).isEqualTo("Following up");
        assertThat(kafka.awaitEvents(Topic.SEND_REQUESTS.topicName(), e -> e.payload() instanceof SendRequested r
                && r.runId().equals(adaRun) && r.step() == 1, 1, Duration.ofSeconds(3))).isEmpty();

        RecordedHistory history = app.getBean(RecordedHistory.class);
        assertThat(eventCount(adaRun)).as("Axon persisted Ada's events").isEqualTo(6);
        assertThat(history.storedRunEvents().get(adaRun)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("RunEnrolled", "RunStarted", "RunMailboxAssigned", "SendRequested", "RunStepAdvanced",
                        "RunReplied");
        RecordedHistory.Verification replay = history.verify(new InMemoryRuns());
        assertThat(replay.reproduced()).as("mismatched runs %s", replay.mismatchedRuns()).isTrue();
        assertThat(replay.runs()).isGreaterThanOrEqualTo(2);

        RecordedHistory.Verification changed = history.verify(new InMemoryRuns((command, state) ->
                command instanceof com.superkabe.sequencer.domain.RunCommand.RecordReply ? List.of()
                        : RunDecider.decide(command, state)));
        assertThat(changed.mismatchedRuns()).as("a decider that ignores replies is caught").contains(adaRun);
    }

    @Test
    void holdsDispatchWhileProtectionStopsTheMailboxAndSendsOnTheFirstTickAfterItRecovers() {
        String mailbox = "mb-" + UUID.randomUUID();
        String campaign = createCampaign(mailbox);
        kafka.publish(origin(new MailboxStateChanged(ORG, mailbox, "acme.test", "warning", "paused", "bounce_threshold",
                "Exceeded 5 bounces within 100 sends", "ENFORCE", true, "system", false, null, tick, tick + 100, false,
                false), tick));
        String run = enroll(campaign, "lead-ada-" + UUID.randomUUID());
        publishTick();
        assertThat(kafka.awaitEvents(Topic.SEND_REQUESTS.topicName(), e -> e.payload() instanceof SendRequested r
                && r.runId().equals(run), 1, Duration.ofSeconds(3))).as("nothing leaves a paused mailbox").isEmpty();

        kafka.publish(origin(new MailboxStateChanged(ORG, mailbox, "acme.test", "warm_recovery", "healthy", "graduation",
                "recovered", "ENFORCE", true, "system", false, null, tick, -1, false, true), tick));
        publishTick();

        assertThat(awaitSend(run, 0).mailboxId()).isEqualTo(mailbox);
        RecordedHistory.Verification replay = app.getBean(RecordedHistory.class).verify(new InMemoryRuns());
        assertThat(replay.reproduced()).as("mismatched runs %s", replay.mismatchedRuns()).isTrue();
    }

    @Test
    void anUnsubscribeInOneCampaignEndsTheAddressesRunsInEveryCampaignAndTheReplayReproducesIt() {
        String address = "ada-" + UUID.randomUUID() + "@example.com";
        String campaignA = createCampaign();
        String campaignB = createCampaign();
        String runA = enroll(campaignA, "lead-ada-" + UUID.randomUUID(), address);
        String runB = enroll(campaignB, "lead-ada-" + UUID.randomUUID(), address.toUpperCase(java.util.Locale.ROOT));
        publishTick();
        SendRequested firstA = awaitSend(runA, 0);
        kafka.publish(origin(sent(firstA), firstA.tick()));
        kafka.publish(origin(sent(awaitSend(runB, 0)), firstA.tick()));

        kafka.publish(origin(new EmailUnsubscribed(ORG, firstA.sendId(), runA, campaignA, firstA.leadId(),
                firstA.mailboxId(), 0, address, "<" + firstA.sendId() + "@acme.test>", "ONE_CLICK"), -1));

        RunSuppressed endedA = awaitSuppressed(runA);
        RunSuppressed endedB = awaitSuppressed(runB);
        assertThat(endedA.reason()).isEqualTo("unsubscribed (ONE_CLICK)");
        assertThat(endedB.reason()).isEqualTo("suppressed: unsubscribed in another campaign (campaign " + campaignA
                + "), run " + runA);
        assertThat(endedB.sourceRunId()).isEqualTo(runA);
        String runC = enroll(createCampaign(), "lead-ada-" + UUID.randomUUID(), address);
        assertThat(awaitSuppressed(runC).cause()).as("a later enrolment ends at once").isEqualTo("UNSUBSCRIBED");
        publishTick();
        publishTick();
        publishTick();
        assertThat(kafka.awaitEvents(Topic.SEND_REQUESTS.topicName(), e -> e.payload() instanceof SendRequested r
                && (r.runId().equals(runC) || r.step() > 0 && (r.runId().equals(runA) || r.runId().equals(runB))), 1,
                Duration.ofSeconds(3))).as("nothing more is sent to the address").isEmpty();
        assertThat(app.getBean(RunViews.class).find(runB).orElseThrow().status()).isEqualTo(RunStatus.UNSUBSCRIBED);

        RecordedHistory history = app.getBean(RecordedHistory.class);
        assertThat(history.storedRunEvents().get(runB)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("RunEnrolled", "RunStarted", "RunMailboxAssigned", "SendRequested",
                        "RunStepAdvanced", "RunSuppressed");
        RecordedHistory.Verification replay = history.verify(new InMemoryRuns());
        assertThat(replay.reproduced()).as("mismatched runs %s", replay.mismatchedRuns()).isTrue();
        RecordedHistory.Verification blind = history.verify(new InMemoryRuns((command, state) ->
                command instanceof RunCommand.Suppress ? List.of() : RunDecider.decide(command, state)));
        assertThat(blind.mismatchedRuns()).as("a decider that ignores suppression is caught").contains(runA, runB);
    }

    @Test
    void aCampaignWithADailyLimitOfTwoSendsTwoOfThreeDueLeadsOnDayOneAndTheThirdAfterMidnightInItsTimeZone() {
        String mailbox = "mb-" + UUID.randomUUID();
        String campaign = createCampaign(mailbox, Map.of("dailyLimit", 2, "scheduleTimezone", "America/New_York"));
        List<String> leads = List.of(enroll(campaign, "lead-ada-" + UUID.randomUUID()),
                enroll(campaign, "lead-bob-" + UUID.randomUUID()), enroll(campaign, "lead-bob-" + UUID.randomUUID()));
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant midnight = instantOf(tick).atZone(newYork).toLocalDate().plusDays(1).atStartOfDay(newYork).toInstant();
        tick = Duration.between(EPOCH, midnight).toMinutes() - 3;

        publishTick();
        long dayOne = tick;
        List<SendRequested> first = awaitSends(campaign, 2, WAIT);
        publishTick();
        assertThat(awaitSends(campaign, 3, Duration.ofSeconds(3))).as("the cap holds the third lead at 23:59")
                .hasSize(2);
        publishTick();
        assertThat(instantOf(tick).atZone(newYork).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        List<SendRequested> all = awaitSends(campaign, 3, WAIT);

        assertThat(first).allMatch(r -> r.tick() == dayOne && r.mailboxId().equals(mailbox));
        assertThat(all).extracting(SendRequested::tick).containsExactly(dayOne, dayOne, tick);
        assertThat(all).extracting(SendRequested::runId).containsExactlyInAnyOrderElementsOf(leads);
        RecordedHistory history = app.getBean(RecordedHistory.class);
        RecordedHistory.Verification replay = history.verify(new InMemoryRuns());
        assertThat(replay.reproduced()).as("mismatched runs %s", replay.mismatchedRuns()).isTrue();
        List<SendRequested> replayed = Replayer.replay(history.inputs(), history.campaigns()).values().stream()
                .flatMap(List::stream).filter(e -> e instanceof SendRequested r && r.campaignId().equals(campaign))
                .map(SendRequested.class::cast).sorted(java.util.Comparator.comparingLong(SendRequested::tick)
                        .thenComparing(SendRequested::runId)).toList();
        assertThat(replayed).isEqualTo(all);
    }

    @Test
    void onOneTickACampaignCapAnOverrideAndASendGapEachLetOneSendThroughAndTheReplayDecidesTheSame() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String capped = createCampaign("mb-cap-" + suffix, Map.of("dailyLimit", 1));
        String overridden = createCampaign("mb-ovr-" + suffix, Map.of("mailboxDailyLimits", Map.of("mb-ovr-" + suffix, 1)));
        String spaced = createCampaign("mb-gap-" + suffix, Map.of("sendGapMinutes", 30));
        for (String campaign : List.of(capped, overridden, spaced)) {
            for (int i = 0; i < 3; i++) {
                enroll(campaign, "lead-bob-" + UUID.randomUUID());
            }
        }

        publishTick();

        for (String campaign : List.of(capped, overridden, spaced)) {
            assertThat(awaitSends(campaign, 1, WAIT)).hasSize(1);
        }
        for (String campaign : List.of(capped, overridden, spaced)) {
            assertThat(awaitSends(campaign, 2, Duration.ofSeconds(2))).as("held for the rest of the tick").hasSize(1);
        }
        RecordedHistory.Verification replay = app.getBean(RecordedHistory.class).verify(new InMemoryRuns());
        assertThat(replay.reproduced()).as("mismatched runs %s", replay.mismatchedRuns()).isTrue();
    }

    @Test
    void aStepWithTwoWeightedVariantsAndSpintaxSendsWhatTheDeterministicChoicePredictsAndTheReplayReproducesIt() {
        List<StepTemplate.Variant> variants = List.of(
                new StepTemplate.Variant("{Hi|Hello} {{firstName}}, {quick|short} question", "Body A {one|two}", 3),
                new StepTemplate.Variant("{Hey|Yo} {{firstName}}", "Body B {three|four}", 1));
        StepTemplate step = new StepTemplate(variants.getFirst().subject(), variants.getFirst().body(), 0, variants);
        String mailbox = "mb-ab-" + UUID.randomUUID();
        register(mailbox);
        Map<String, Object> fields = Map.of("name", "AB", "status", "ACTIVE", "mailboxIds", List.of(mailbox),
                "steps", List.of(Map.of("delayTicks", 0, "variants", variants.stream().map(v -> Map.of("subject",
                        v.subject(), "body", v.body(), "weight", v.weight())).toList())));
        TestHttp.Response created = TestHttp.until(() -> http.post("/api/v1/campaigns", TestHttp.json(fields),
                "X-Api-Key", KEY), x -> x.status() != 401, WAIT);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String campaign = created.json().get("campaignId").asString();
        List<String> runs = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> enroll(campaign, "lead-ada-" + UUID.randomUUID())).toList();

        publishTick();

        List<SendRequested> sent = awaitSends(campaign, runs.size(), WAIT);
        assertThat(sent).hasSize(runs.size());
        for (SendRequested r : sent) {
            int variant = step.variantFor(r.runId(), 0);
            String seed = r.runId() + "/0/";
            assertThat(r.subjectLine()).isEqualTo(Spintax.spin(step.subjectOf(variant), seed + "subject")
                    .replace("{{firstName}}", "Ada"));
            assertThat(r.body()).isEqualTo(Spintax.spin(step.bodyOf(variant), seed + "body"));
            TestHttp.Response run = http.get("/api/v1/runs/" + r.runId(), "X-Api-Key", KEY);
            // transitions: enrolled, started, mailbox assigned by routing, send requested (with its variant)
            assertThat(run.json().get("transitions").get(3).get("variant").asInt()).as(run.body()).isEqualTo(variant);
        }
        RecordedHistory history = app.getBean(RecordedHistory.class);
        RecordedHistory.Verification replay = history.verify(new InMemoryRuns());
        assertThat(replay.reproduced()).as("mismatched runs %s", replay.mismatchedRuns()).isTrue();
        assertThat(Replayer.replay(history.inputs(), history.campaigns()).values().stream().flatMap(List::stream)
                .filter(e -> e instanceof SendRequested r && r.campaignId().equals(campaign))
                .map(e -> ((SendRequested) e).subjectLine()).sorted().toList())
                .isEqualTo(sent.stream().map(SendRequested::subjectLine).sorted().toList());
    }

    @Test
    void refusesAVariantWithAZeroWeightNamingTheVariantsWeight() {
        String body = TestHttp.json(Map.of("name", "x", "mailboxIds", List.of("mb-1"), "steps", List.of(
                Map.of("subject", "Hi", "body", "b", "delayTicks", 0),
                Map.of("delayTicks", 0, "variants", List.of(Map.of("subject", "A", "body", "b", "weight", 0))))));

        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/campaigns", body, "X-Api-Key", KEY),
                x -> x.status() != 401, WAIT);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("steps[1].variants[0].weight");
    }

    @Test
    void aCampaignPausedThroughTheApiDispatchesNothingItsRunsStayDueAndTheyGoOutAfterItIsResumed() throws Exception {
        String campaign = createCampaign("mb-pause-" + UUID.randomUUID());
        String run = enroll(campaign, "lead-ada-" + UUID.randomUUID());

        assertThat(patchStatus(campaign, "PAUSED")).isEqualTo(200);
        assertThat(kafka.awaitEvents(Topic.CAMPAIGNS.topicName(), e -> e.payload() instanceof
                com.superkabe.events.campaign.CampaignStatusChanged c && c.campaignId().equals(campaign)
                && "PAUSED".equals(c.to()) && "ACTIVE".equals(c.from()), 1, WAIT)).hasSize(1);
        awaitPaused(campaign, true);
        publishTick();
        assertThat(kafka.awaitEvents(Topic.SEND_REQUESTS.topicName(), e -> e.payload() instanceof SendRequested r
                && r.runId().equals(run), 1, Duration.ofSeconds(3))).as("a paused campaign sends nothing").isEmpty();
        assertThat(app.getBean(RunViews.class).find(run).orElseThrow().status()).isEqualTo(RunStatus.ACTIVE);

        assertThat(patchStatus(campaign, "ACTIVE")).isEqualTo(200);
        awaitPaused(campaign, false);
        publishTick();

        assertThat(awaitSend(run, 0).tick()).isEqualTo(tick);
        assertThat(http.get("/api/v1/campaigns/" + campaign, "X-Api-Key", KEY).json().get("status").asString())
                .isEqualTo("ACTIVE");
        RecordedHistory.Verification replay = app.getBean(RecordedHistory.class).verify(new InMemoryRuns());
        assertThat(replay.reproduced()).as("mismatched runs %s", replay.mismatchedRuns()).isTrue();
        assertThat(patchStatus(campaign, "DRAFT")).as("an ACTIVE campaign cannot go back to DRAFT").isEqualTo(409);
        assertThat(patchStatus(campaign, "RUNNING")).isEqualTo(400);
        assertThat(patchStatus("cmp_unknown", "PAUSED")).isEqualTo(404);
    }

    private static int patchStatus(String campaign, String status) throws Exception {
        return patch(campaign, "{\"status\":\"" + status + "\"}").statusCode();
    }

    private static java.net.http.HttpResponse<String> patch(String campaign, String body) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                        + app.getEnvironment().getProperty("local.server.port") + "/api/v1/campaigns/" + campaign))
                .header("Content-Type", "application/json").header("X-Api-Key", KEY)
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Envelope awaitRunEvent(String runId, EventType type) {
        List<Envelope> found = kafka.awaitEvents(Topic.RUNS.topicName(), e -> e.type() == type
                && e.subject().equals(runId), 1, WAIT);
        assertThat(found).as("%s of run %s", type, runId).hasSize(1);
        return found.getFirst();
    }

    private static String runStatus(String runId) {
        return http.get("/api/v1/runs/" + runId, "X-Api-Key", KEY).json().get("run").get("status").asString();
    }

    @Test
    void anOperatorPausesAWaitingRunAndResumesItAndEveryRefusalIsAConflictThatChangesNothing() {
        String campaign = createCampaign();
        String run = enroll(campaign, "lead-ada-" + UUID.randomUUID());
        publishTick();
        SendRequested first = awaitSend(run, 0);

        TestHttp.Response inFlight = http.post("/api/v1/runs/" + run + "/pause", "{\"reason\":\"holiday\"}",
                "X-Api-Key", KEY);
        assertThat(inFlight.status()).as(inFlight.body()).isEqualTo(409);
        assertThat(inFlight.body()).contains("in flight");

        kafka.publish(origin(sent(first), first.tick()));
        TestHttp.until(() -> http.get("/api/v1/runs/" + run, "X-Api-Key", KEY),
                r -> "WAITING".equals(r.json().get("run").get("status").asString()), WAIT);
        assertThat(http.post("/api/v1/runs/" + run + "/resume", "{\"reason\":\"go\"}", "X-Api-Key", KEY).status())
                .as("a run that is not paused cannot be resumed").isEqualTo(409);
        assertProblem(http.post("/api/v1/runs/" + run + "/pause", "{\"reason\":\"\"}", "X-Api-Key", KEY), "reason");
        assertThat(http.post("/api/v1/runs/" + run + "/pause", "{\"reason\":\"holiday\"}", "X-Api-Key", KEY)
                .status()).isEqualTo(202);
        RunPausedView paused = RunPausedView.of(awaitRunEvent(run, EventType.RUN_PAUSED));
        assertThat(paused.cause()).isEqualTo("OPERATOR");
        assertThat(paused.actor()).startsWith("apikey:");
        TestHttp.until(() -> http.get("/api/v1/runs/" + run, "X-Api-Key", KEY),
                r -> "PAUSED".equals(r.json().get("run").get("status").asString()), WAIT);
        assertThat(http.post("/api/v1/runs/" + run + "/resolve", "{\"action\":\"retry\",\"reason\":\"x\"}",
                "X-Api-Key", KEY).status()).as("an operator's pause is resumed, not resolved").isEqualTo(409);

        publishTick();
        publishTick();
        publishTick();
        assertThat(kafka.awaitEvents(Topic.SEND_REQUESTS.topicName(), e -> e.payload() instanceof SendRequested r
                && r.runId().equals(run) && r.step() == 1, 1, Duration.ofSeconds(2))).as("nothing sent while paused")
                .isEmpty();

        assertThat(http.post("/api/v1/runs/" + run + "/resume", "{\"reason\":\"back\"}", "X-Api-Key", KEY).status())
                .isEqualTo(202);
        awaitRunEvent(run, EventType.RUN_RESUMED);
        publishTick();
        assertThat(awaitSend(run, 1).tick()).isEqualTo(tick);
    }

    /** What a RunPaused says, for assertions. */
    private record RunPausedView(String cause, String actor) {
        static RunPausedView of(Envelope e) {
            com.superkabe.events.run.RunPaused p = e.payloadAs(com.superkabe.events.run.RunPaused.class);
            return new RunPausedView(p.cause(), p.actor());
        }
    }

    @Test
    void aPausedLeadHasEveryRunPausedUntilItIsResumedAndAnUnknownLeadIsNotFound() {
        String lead = "lead-bob-" + UUID.randomUUID();
        String one = enroll(createCampaign(), lead);
        String two = enroll(createCampaign(), lead);
        TestHttp.until(() -> http.get("/api/v1/runs/" + two, "X-Api-Key", KEY), r -> r.status() == 200, WAIT);

        assertThat(http.post("/api/v1/leads/" + lead + "/resume", "{\"reason\":\"x\"}", "X-Api-Key", KEY).status())
                .as("a lead that is not paused").isEqualTo(409);
        TestHttp.Response paused = http.post("/api/v1/leads/" + lead + "/pause", "{\"reason\":\"asked to wait\"}",
                "X-Api-Key", KEY);
        assertThat(paused.status()).as(paused.body()).isEqualTo(202);
        assertThat(paused.json().get("runs").asInt()).isEqualTo(2);
        assertThat(RunPausedView.of(awaitRunEvent(one, EventType.RUN_PAUSED)).cause()).isEqualTo("LEAD");
        assertThat(RunPausedView.of(awaitRunEvent(two, EventType.RUN_PAUSED)).cause()).isEqualTo("LEAD");
        TestHttp.until(() -> http.post("/api/v1/leads/" + lead + "/pause", "{\"reason\":\"again\"}", "X-Api-Key",
                KEY), r -> r.status() == 409, WAIT);

        publishTick();
        assertThat(kafka.awaitEvents(Topic.SEND_REQUESTS.topicName(), e -> e.payload() instanceof SendRequested r
                && (r.runId().equals(one) || r.runId().equals(two)), 1, Duration.ofSeconds(2))).isEmpty();

        assertThat(http.post("/api/v1/leads/" + lead + "/resume", "{\"reason\":\"go\"}", "X-Api-Key", KEY).status())
                .isEqualTo(202);
        awaitRunEvent(one, EventType.RUN_RESUMED);
        awaitRunEvent(two, EventType.RUN_RESUMED);
        publishTick();
        awaitSend(one, 0);
        awaitSend(two, 0);
        assertThat(http.post("/api/v1/leads/lead-of-nobody/pause", "{\"reason\":\"x\"}", "X-Api-Key", KEY).status())
                .isEqualTo(404);
    }

    @Test
    void aDraftCampaignsRunsWaitPendingUntilItIsActivatedAndAnEditIsANewVersionForNewRunsOnly() throws Exception {
        Map<String, Object> fields = Map.of("name", "Draft", "status", "DRAFT", "mailboxIds", List.of("mb-1"),
                "steps", List.of(Map.of("subject", "Hello {{firstName}}", "body", "v1", "delayTicks", 0)));
        TestHttp.Response created = http.post("/api/v1/campaigns", TestHttp.json(fields), "X-Api-Key", KEY);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String campaign = created.json().get("campaignId").asString();
        awaitPaused(campaign, true);
        String early = enroll(campaign, "lead-ada-" + UUID.randomUUID());
        assertThat(runStatus(early)).isEqualTo("PENDING");
        assertThat(patchStatus(campaign, "PAUSED")).as("a draft is activated, not paused").isEqualTo(409);

        assertThat(patchStatus(campaign, "ACTIVE")).isEqualTo(200);
        awaitRunEvent(early, EventType.RUN_STARTED);
        publishTick();
        assertThat(awaitSend(early, 0).body()).isEqualTo("v1");

        java.net.http.HttpResponse<String> edited = patch(campaign, TestHttp.json(Map.of("steps", List.of(
                Map.of("subject", "Hello again {{firstName}}", "body", "v2", "delayTicks", 0),
                Map.of("subject", "Only if opened", "body", "v2 second", "delayTicks", 1, "condition", "opened(0)")))));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.body()).contains("\"version\":2");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (app.getBean(JdbcClient.class).sql("SELECT enrol_version FROM campaign WHERE campaign_id = ?")
                .param(campaign).query(Integer.class).single() != 2 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        String late = enroll(campaign, "lead-bob-" + UUID.randomUUID());
        publishTick();
        assertThat(awaitSend(late, 0).body()).isEqualTo("v2");
        assertThat(http.get("/api/v1/campaigns/" + campaign, "X-Api-Key", KEY).json().get("version").asInt())
                .isEqualTo(2);
        assertThat(patch(campaign, TestHttp.json(Map.of("steps", List.of(Map.of("subject", "x", "body", "y",
                "delayTicks", 0, "condition", "opened(3)"))))).statusCode()).as("a condition on a later step")
                .isEqualTo(400);
    }

    private static void awaitPaused(String campaign, boolean paused) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((jdbc.sql("SELECT count(*) FROM campaign_dispatch_pause WHERE campaign_id = ?").param(campaign)
                .query(Long.class).single() > 0) != paused && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    @Test
    void anOrganizationSetsItsRetryPolicyAndBadValuesAreRefusedNamingTheField() {
        TestHttp.Response before = http.get("/api/v1/settings/send-retries", "X-Api-Key", KEY);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("source").asString()).isEqualTo("default");
        assertThat(before.json().get("baseTicks").asLong()).isEqualTo(15);

        TestHttp.Response put = http.put("/api/v1/settings/send-retries",
                "{\"baseTicks\":5,\"maxTicks\":60,\"giveUpTicks\":1440,\"jitterPercent\":10}", "X-Api-Key", KEY);
        assertThat(put.status()).as(put.body()).isEqualTo(202);
        TestHttp.Response after = TestHttp.until(() -> http.get("/api/v1/settings/send-retries", "X-Api-Key", KEY),
                r -> "organization".equals(r.json().get("source").asString()), WAIT);
        assertThat(after.json().get("maxTicks").asLong()).isEqualTo(60);

        assertProblem(http.put("/api/v1/settings/send-retries",
                "{\"baseTicks\":1.5,\"maxTicks\":60,\"giveUpTicks\":1440,\"jitterPercent\":10}", "X-Api-Key", KEY),
                "baseTicks");
        assertProblem(http.put("/api/v1/settings/send-retries",
                "{\"baseTicks\":\"5\",\"maxTicks\":60,\"giveUpTicks\":1440,\"jitterPercent\":10}", "X-Api-Key", KEY),
                "baseTicks");
        assertProblem(http.put("/api/v1/settings/send-retries",
                "{\"baseTicks\":50,\"maxTicks\":10,\"giveUpTicks\":1440,\"jitterPercent\":10}", "X-Api-Key", KEY),
                "maxTicks");
        assertProblem(http.put("/api/v1/settings/send-retries",
                "{\"baseTicks\":5,\"maxTicks\":60,\"giveUpTicks\":1440}", "X-Api-Key", KEY), "jitterPercent");
        assertThat(http.put("/api/v1/settings/send-retries", "[1,2]", "X-Api-Key", KEY).status()).isEqualTo(400);
    }

    @Test
    void resolvingARunThatIsNotPausedIsAConflictAndAnUnknownActionIsRefused() {
        String campaign = createCampaign();
        String run = enroll(campaign, "lead-ada-" + UUID.randomUUID());
        TestHttp.until(() -> http.get("/api/v1/runs/" + run, "X-Api-Key", KEY), r -> r.status() == 200, WAIT);

        TestHttp.Response conflict = http.post("/api/v1/runs/" + run + "/resolve",
                "{\"action\":\"resend\",\"reason\":\"checked\"}", "X-Api-Key", KEY);
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        assertProblem(http.post("/api/v1/runs/" + run + "/resolve", "{\"action\":\"explode\",\"reason\":\"x\"}",
                "X-Api-Key", KEY), "action");
        assertThat(http.post("/api/v1/runs/run-of-nobody/resolve", "{\"action\":\"drop\",\"reason\":\"x\"}",
                "X-Api-Key", KEY).status()).isEqualTo(404);
    }

    private static void assertProblem(TestHttp.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(field);
    }

    @Test
    void theBulkDomainBackfillTakesEachOlderMailboxsDomainFromItsRecordedRegistration() throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        String mailbox = "mb-old-" + UUID.randomUUID();
        String unkept = "mb-unkept-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO mailbox_availability(mailbox_id, org_id, can_send) VALUES (?, ?, TRUE), (?, ?, TRUE)")
                .params(mailbox, ORG, unkept, ORG).update();
        byte[] registered = new com.superkabe.events.EventCodec().toJson(new MailboxRegistered(ORG, mailbox,
                "a@Old-Domain.test", "Old-Domain.test", "SMTP", 10, null, null));
        jdbc.sql("INSERT INTO inbox(event_id, event_type, topic, headers, payload) VALUES (?, ?, ?, '{}', ?), "
                        + "(?, ?, ?, '{}', ?)")
                .params("backfill-" + mailbox, "superkabe.mailbox.registered.v1", "superkabe.mailboxes", registered,
                        "backfill-" + unkept, "superkabe.mailbox.registered.v1", "superkabe.mailboxes", new byte[0])
                .update();
        String migration = new String(getClass().getResourceAsStream(
                "/db/sequencer/V21__bulk_domains_backfill.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        try {
            jdbc.sql(migration).update();
        } finally {
            // these hand-made rows are not real inputs: the replay checks of the other tests read the inbox
            jdbc.sql("DELETE FROM inbox WHERE event_id IN (?, ?)").params("backfill-" + mailbox, "backfill-" + unkept)
                    .update();
        }

        assertThat(jdbc.sql("SELECT domain FROM mailbox_availability WHERE mailbox_id = ?").param(mailbox)
                .query(String.class).single()).isEqualTo("old-domain.test");
        assertThat(jdbc.sql("SELECT domain FROM mailbox_availability WHERE mailbox_id = ?").param(unkept)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void theDueQuerysKeysetIsAnIndexConditionOnTheDueIndex() {
        String[] none = new String[0];
        String plan = app.getBean(org.springframework.transaction.support.TransactionTemplate.class).execute(s -> {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + JdbcRunViews.DUE_QUERY)
                    .params(0, 1_000L, 0, 5L, "r-5", none, none, none, none, 0L, 500).query(String.class).list());
        });

        assertThat(plan).contains("run_view_shard_due");
        assertThat(plan.lines().filter(l -> l.contains("Index Cond")).toList()).as(plan)
                .anyMatch(l -> l.contains("ROW(") && l.contains("due_tick"));
    }

    @Test
    void refusesACampaignListingAnotherOrganizationsMailboxOrAnUnknownOneAlikeNamingThePosition() {
        // given a mailbox registered by another organization, read back by the sequencer
        String theirs = "mb-theirs-" + UUID.randomUUID();
        kafka.publish(origin(new MailboxRegistered("org-other-" + UUID.randomUUID(), theirs, "a@other.test",
                "other.test", "SMTP", 30, null, null), -1));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jdbc.sql("SELECT count(*) FROM mailbox_availability WHERE mailbox_id = ? AND org_id IS NOT NULL")
                .param(theirs).query(Long.class).single() == 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        long before = jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single();

        // when this organization lists it, or a mailbox nobody registered, after one of its own
        TestHttp.Response foreign = TestHttp.until(() -> http.post("/api/v1/campaigns", campaignOf("mb-1", theirs),
                "X-Api-Key", KEY), x -> x.status() != 401, WAIT);
        TestHttp.Response unknown = http.post("/api/v1/campaigns", campaignOf("mb-1", "mb-nobody-" + UUID.randomUUID()),
                "X-Api-Key", KEY);

        // then both are the same conflict naming the position, and no campaign is stored
        for (TestHttp.Response r : List.of(foreign, unknown)) {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("mailboxIds[1]");
            assertThat(r.body()).doesNotContain("org-other");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single()).isEqualTo(before);
    }

    private static String campaignOf(String... mailboxes) {
        return TestHttp.json(Map.of("name", "x", "mailboxIds", List.of(mailboxes),
                "steps", List.of(Map.of("subject", "Hi", "body", "b", "delayTicks", 0))));
    }

    @Test
    void refusesAScheduleWithAnUnknownTimeZoneNamingTheFieldAndShowsTheRulesOfAValidOne() {
        String body = TestHttp.json(Map.of("name", "x", "mailboxIds", List.of("mb-1"), "scheduleTimezone", "Mars/Olympus",
                "steps", List.of(Map.of("subject", "Hi", "body", "b", "delayTicks", 0))));
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/campaigns", body, "X-Api-Key", KEY),
                x -> x.status() != 401, WAIT);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("scheduleTimezone");

        String campaign = createCampaign("mb-1", Map.of("scheduleTimezone", "Europe/Paris", "scheduleStartTime", "22:00",
                "scheduleEndTime", "06:00", "scheduleDays", List.of("MON", "friday"), "sendGapMinutes", 5,
                "mailboxDailyLimits", Map.of("mb-1", 40)));
        TestHttp.Response got = http.get("/api/v1/campaigns/" + campaign, "X-Api-Key", KEY);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("scheduleTimezone").asString()).isEqualTo("Europe/Paris");
        assertThat(got.json().get("scheduleStartTime").asString()).isEqualTo("22:00");
        assertThat(got.json().get("scheduleDays").get(1).asString()).isEqualTo("FRIDAY");
        assertThat(got.json().get("mailboxDailyLimits").get("mb-1").asInt()).isEqualTo(40);
    }

    @Test
    void refusesACampaignWithoutStepsNamingTheField() {
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/campaigns",
                "{\"name\":\"x\",\"mailboxIds\":[\"mb-1\"],\"steps\":[]}", "X-Api-Key", KEY),
                x -> x.status() != 401, WAIT);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("steps");
    }

    private static long eventCount(String runId) {
        return app.getBean(JdbcClient.class).sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(runId).query(Long.class).single();
    }

    private static String createCampaign() {
        return createCampaign("mb-1");
    }

    private static String createCampaign(String mailbox) {
        return createCampaign(mailbox, Map.of());
    }

    private static String createCampaign(String mailbox, Map<String, Object> rules) {
        register(mailbox);
        Map<String, Object> fields = new java.util.HashMap<>(rules);
        fields.putAll(Map.of("name", "Q4", "status", "ACTIVE", "mailboxIds", List.of(mailbox),
                "steps", List.of(Map.of("subject", "Hello {{firstName}}", "body", "Hi {{firstName}}", "delayTicks", 0),
                        Map.of("subject", "Following up", "body", "Bump", "delayTicks", 2))));
        String body = TestHttp.json(fields);
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/campaigns", body, "X-Api-Key", KEY),
                x -> x.status() != 401, WAIT);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("campaignId").asString();
    }

    private static String enroll(String campaign, String leadId) {
        return enroll(campaign, leadId, (leadId.contains("ada") ? "ada" : "bob") + "@example.com");
    }

    private static String enroll(String campaign, String leadId, String email) {
        String name = leadId.contains("ada") ? "Ada" : "Bob";
        kafka.publish(origin(new LeadGateAllowed(ORG, campaign, new LeadSnapshot(leadId, email, name, null, null,
                null), "ENFORCE", List.of()), -1));
        String runId = SequencerService.runId(campaign, leadId);
        assertThat(kafka.awaitEvents(Topic.RUNS.topicName(), e -> e.type() == EventType.RUN_ENROLLED
                && e.subject().equals(runId), 1, WAIT)).hasSize(1);
        return runId;
    }

    private static void publishTick() {
        tick++;
        kafka.publish(origin(new ClockTicked(tick, instantOf(tick), 60), tick));
    }

    private static Instant instantOf(long t) {
        return EPOCH.plusSeconds(60 * t);
    }

    private static List<SendRequested> awaitSends(String campaign, int count, Duration wait) {
        return kafka.awaitEvents(Topic.SEND_REQUESTS.topicName(), e -> e.payload() instanceof SendRequested r
                        && r.campaignId().equals(campaign), count, wait).stream()
                .map(e -> e.payloadAs(SendRequested.class))
                .sorted(java.util.Comparator.comparingLong(SendRequested::tick).thenComparing(SendRequested::runId))
                .toList();
    }

    private static SendRequested awaitSend(String runId, int step) {
        List<Envelope> sends = kafka.awaitEvents(Topic.SEND_REQUESTS.topicName(), e -> e.payload() instanceof
                SendRequested r && r.runId().equals(runId) && r.step() == step, 1, WAIT);
        assertThat(sends).as("send of step %d for %s", step, runId).hasSize(1);
        return sends.getFirst().payloadAs(SendRequested.class);
    }

    private static RunSuppressed awaitSuppressed(String runId) {
        List<Envelope> ended = kafka.awaitEvents(Topic.RUNS.topicName(), e -> e.payload() instanceof RunSuppressed x
                && x.runId().equals(runId), 1, WAIT);
        assertThat(ended).as("run %s suppressed", runId).hasSize(1);
        return ended.getFirst().payloadAs(RunSuppressed.class);
    }

    private static EmailSent sent(SendRequested r) {
        return new EmailSent(ORG, r.sendId(), r.runId(), r.campaignId(), r.leadId(), r.mailboxId(), r.step(),
                r.toAddress(), "<" + r.sendId() + "@acme.test>", r.tick());
    }

    private static Envelope origin(SuperkabeEvent payload, long logicalTime) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, logicalTime,
                payload);
    }

}
