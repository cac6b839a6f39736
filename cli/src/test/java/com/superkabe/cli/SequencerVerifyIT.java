package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.Service;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.CampaignWire;
import com.superkabe.sequencer.application.DispatchPaging;
import com.superkabe.sequencer.application.SendingSettings;
import com.superkabe.sequencer.application.SequencerService;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.application.replay.Replayer;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@code verify --service sequencer} against a real broker: a campaign announced with its definition
 * only on the campaigns topic, two leads allowed by the gate, ticks and send outcomes; after each input
 * the run events the sequencer's code path decides are published on superkabe.runs with that input as
 * their cause, as the service does. The broker is this class's own, so no other test's records are inputs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SequencerVerifyIT {

    static final String ORG = "org-seq";
    static final String CAMPAIGN = "c-seq";
    static EmbeddedKafkaKraftBroker broker;
    static KafkaProbe kafka;
    static String brokers;
    static final Replayer.Session sequencer = new Replayer.Session(List.of(), new InMemoryRuns(),
            DispatchPaging.DEFAULT, SendingSettings.DEFAULT);
    static final Map<String, Integer> publishedPerRun = new HashMap<>();
    static long tick;
    static Envelope lastPublished;

    @BeforeAll
    static void aSequencerHistoryIsOnTheTopics() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "log.dir",
                System.getProperty("java.io.tmpdir") + "/superkabe-seq-verify-" + UUID.randomUUID()));
        broker.afterPropertiesSet();
        brokers = broker.getBrokersAsString();
        kafka = new KafkaProbe(brokers);
        CampaignDef campaign = new CampaignDef(ORG, CAMPAIGN, "Verify me", "ACTIVE", List.of("mb-seq"),
                List.of(new StepTemplate("Hi {{firstName}}", "First", 0), new StepTemplate("Again", "Second", 3)),
                new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 0, 1440, false));
        input(new OrganizationMailingAddressSet(ORG, "Seq Co., 1 Main St, Springfield, IL 62701"));
        input(CampaignWire.created(campaign));
        String one = enroll("lead-1");
        String two = enroll("lead-2");
        tick();
        sent(one);
        sent(two);
        for (int i = 0; i < 4; i++) {
            tick();
        }
        sent(one);
        sent(two);
        tick();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        broker.destroy();
    }

    @Test
    @Order(1)
    void replayingTheSequencersInputsReachesExactlyTheRunEventsItPublished() {
        CliIT.Run run = cli("verify", "--service", "sequencer", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("verify sequencer: 2 runs published").contains("; 0 divergences");
        assertThat(publishedPerRun.values()).allMatch(n -> n >= 4);
    }

    @Test
    @Order(2)
    void aRunEventTheOutboxRelayPublishedTwiceWithOneEventIdIsCountedOnce() {
        kafka.publish(lastPublished);

        CliIT.Run run = cli("verify", "--service", "sequencer", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("1 republished run events counted once").contains("; 0 divergences");
    }

    @Test
    @Order(3)
    void aRunEventTheInputsDoNotExplainIsTheFirstDivergence() {
        String runId = SequencerService.runId(CAMPAIGN, "lead-2");
        publish(new RunCompleted(ORG, runId, 1), null);

        CliIT.Run run = cli("verify", "--service", "sequencer", "-b", brokers);

        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("FIRST DIVERGENCE run " + runId)
                .contains("published: superkabe.run.completed.v1").contains("; 1 divergence");
    }

    @Test
    @Order(4)
    void instantBoundsAreRefusedWithTheReason() {
        CliIT.Run run = cli("verify", "--service", "sequencer", "--from", "2026-01-01T00:00:00Z", "-b", brokers);

        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("logical ticks");
    }

    private static CliIT.Run cli(String... args) {
        return CliIT.cli(args);
    }

    private static String enroll(String leadId) {
        input(new LeadGateAllowed(ORG, CAMPAIGN, new LeadSnapshot(leadId, leadId + "@example.com", "Ada", null, null,
                null, "GREEN", RecipientEsp.OTHER), "ENFORCE", List.of(), null, null, List.of()));
        return SequencerService.runId(CAMPAIGN, leadId);
    }

    private static void tick() {
        tick++;
        input(new ClockTicked(tick, Instant.parse("2026-05-01T10:00:00Z").plusSeconds(60 * tick), 60));
    }

    private static void sent(String runId) {
        SendRequested s = sequencer.history().get(runId).stream().filter(SendRequested.class::isInstance)
                .map(SendRequested.class::cast).reduce((a, b) -> b).orElseThrow();
        input(new EmailSent(ORG, s.sendId(), s.runId(), s.campaignId(), s.leadId(), s.mailboxId(), s.step(),
                s.toAddress(), "<" + s.sendId() + "@seq.test>", s.tick()));
    }

    /** Publishes the input, feeds it to the sequencer's code path, publishes what that decided on superkabe.runs. */
    private static void input(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        Envelope e = new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id,
                payload instanceof ClockTicked t ? t.tick() : tick, payload);
        kafka.publish(e);
        Map<String, Integer> before = new HashMap<>();
        sequencer.history().forEach((run, events) -> before.put(run, events.size()));
        sequencer.accept(e);
        int index = 0;
        for (Map.Entry<String, List<RunEvent>> run : sequencer.history().entrySet()) {
            List<RunEvent> events = run.getValue();
            for (RunEvent decided : events.subList(before.getOrDefault(run.getKey(), 0), events.size())) {
                if (EventType.of(decided).topic() == Topic.RUNS) {
                    publish(decided, Envelope.causedBy(e, index++, Service.SEQUENCER, Instant.now(), decided.tick(),
                            decided));
                    publishedPerRun.merge(run.getKey(), 1, Integer::sum);
                }
            }
        }
    }

    private static void publish(RunEvent event, Envelope envelope) {
        String id = UUID.randomUUID().toString();
        Envelope e = envelope != null ? envelope : new Envelope(id, EventType.of(event), Service.SEQUENCER.id(),
                Instant.now(), event.orgId(), null, id, event.tick(), event);
        kafka.publish(e);
        lastPublished = e;
    }
}
