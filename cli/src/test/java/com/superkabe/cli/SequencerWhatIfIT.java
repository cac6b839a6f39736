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
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@code what-if --set sequencer.*} against a real broker: a one-step campaign on one mailbox, three
 * YELLOW leads allowed by the gate, ticks and the outcomes of the sends the sequencer's code path
 * requested (with the default YELLOW budget, 2 in any 60 sends: two sends, the third lead held). The
 * broker is this class's own, so no other test's records are inputs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SequencerWhatIfIT {

    static final String ORG = "org-wi";
    static final String CAMPAIGN = "c-wi";
    static EmbeddedKafkaKraftBroker broker;
    static KafkaProbe kafka;
    static String brokers;
    static final Replayer.Session sequencer = new Replayer.Session(List.of(), new InMemoryRuns(),
            DispatchPaging.DEFAULT, SendingSettings.DEFAULT);
    static final Map<String, Integer> publishedPerRun = new HashMap<>();
    static long tick;

    @BeforeAll
    static void aSequencerHistoryIsOnTheTopics() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "log.dir",
                System.getProperty("java.io.tmpdir") + "/superkabe-seq-whatif-" + UUID.randomUUID()));
        broker.afterPropertiesSet();
        brokers = broker.getBrokersAsString();
        kafka = new KafkaProbe(brokers);
        CampaignDef campaign = new CampaignDef(ORG, CAMPAIGN, "What if", "ACTIVE", List.of("mb-wi"),
                List.of(new StepTemplate("Hi {{firstName}}", "First", 0)),
                new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 0, 1440, false));
        input(new OrganizationMailingAddressSet(ORG, "Seq Co., 1 Main St, Springfield, IL 62701"));
        input(CampaignWire.created(campaign));
        List<String> runs = List.of(enroll("lead-1"), enroll("lead-2"), enroll("lead-3"));
        assertThat(runs).isEqualTo(RUNS);
        tick();
        runs.stream().filter(SequencerWhatIfIT::requested).forEach(SequencerWhatIfIT::sent);
        for (int i = 0; i < 3; i++) {
            tick();
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
        broker.destroy();
    }

    @Test
    @Order(1)
    void theRecordedHistorySentToTwoOfTheThreeYellowLeadsAndBothRunsCompleted() {
        assertThat(RUNS.stream().filter(SequencerWhatIfIT::requested)).hasSize(2);
        assertThat(RUNS.stream().filter(SequencerWhatIfIT::ended)).hasSize(2);
    }

    @Test
    @Order(2)
    void aLowerYellowCapShowsTheSendThatWouldNotHaveHappenedPerCampaignMailboxAndRun() {
        CliIT.Run run = cli("what-if", "--set", "sequencer.yellowMax=1", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).containsPattern("campaign\\s+c-wi\\s+2\\s+1\\s+-1")
                .containsPattern("mailbox\\s+mb-wi\\s+2\\s+1\\s+-1")
                .contains("sends 2 -> 1 (-1)").contains("1 run would have ended differently");
        // its recorded outcome answers no send of the replay, so the run no longer completes
        String unended = RUNS.stream().filter(r -> run.out().contains(r + " ")).findFirst().orElseThrow();
        assertThat(ended(unended)).isTrue();
        assertThat(run.out()).containsPattern(unended + "\\s+completed\\s+not ended\\s+1 -> 0");
    }

    @Test
    @Order(3)
    void aHigherYellowCapInJsonNamesTheExtraSend() {
        CliIT.Run run = cli("what-if", "--set", "sequencer.yellowMax=3", "--json", "-b", brokers);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        List<JsonNode> rows = run.out().lines().map(Json.MAPPER::readTree).toList();
        JsonNode campaign = rows.stream().filter(r -> r.get("kind").asString().equals("campaign")).findFirst()
                .orElseThrow();
        assertThat(campaign.get("id").asString()).isEqualTo(CAMPAIGN);
        assertThat(campaign.get("sendsBefore").asInt()).isEqualTo(2);
        assertThat(campaign.get("sendsAfter").asInt()).isEqualTo(3);
        assertThat(campaign.get("change").asString()).isEqualTo("+1");
        // the extra send has no recorded outcome, so its run ends (not at all) as it did
        assertThat(rows).noneMatch(r -> r.get("kind").asString().equals("run"));
        assertThat(run.err()).contains("sends 2 -> 3 (+1)").contains("0 runs would have ended differently");
    }

    @Test
    @Order(4)
    void theUnchangedSettingsChangeNothing() {
        CliIT.Run run = cli("what-if", "--set", "sequencer.yellowMax=2", "-b", brokers);

        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("sends 2 -> 2 (0)").contains("0 runs would have ended differently");
    }

    @Test
    @Order(5)
    void anUnknownKeyABadValueOrTwoServicesAreInputErrorsNamingTheKey() {
        CliIT.Run unknown = cli("what-if", "--set", "sequencer.dailyCap=3", "-b", brokers);
        CliIT.Run bad = cli("what-if", "--set", "sequencer.yellowMax=-1", "-b", brokers);
        CliIT.Run clash = cli("what-if", "--set", "sequencer.yellowMax=3", "--set", "sequencer.yellowWindow=2",
                "-b", brokers);
        CliIT.Run mixed = cli("what-if", "--set", "sequencer.yellowMax=3", "--set", "protection.pauseBounces=6",
                "-b", brokers);

        assertThat(unknown.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.err()).contains("sequencer.dailyCap").contains("sequencer.bulkSenderDailyBudget");
        assertThat(bad.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(bad.err()).contains("sequencer.yellowMax").contains("-1");
        assertThat(clash.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(clash.err()).contains("sequencer.yellowMax").contains("sequencer.yellowWindow");
        assertThat(mixed.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(mixed.err()).contains("one service at a time");
    }

    @Test
    @Order(6)
    void verifyDecidesWithTheSequencersOwnSettingsWhenTheyAreGiven() {
        // the history was made with the defaults (two YELLOW sends in the window); told the service ran
        // with one, verify finds the second send unexplained
        CliIT.Run defaults = cli("verify", "--service", "sequencer", "-b", brokers);
        CliIT.Run other = cli("verify", "--service", "sequencer", "--set", "sequencer.yellowMax=1", "-b", brokers);
        CliIT.Run protectionKey = cli("verify", "--service", "sequencer", "--set", "protection.pauseBounces=6", "-b",
                brokers);

        assertThat(defaults.exit()).as(defaults.out() + defaults.err()).isEqualTo(ExitCodes.OK);
        assertThat(other.exit()).as(other.out() + other.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(other.out()).contains("FIRST DIVERGENCE");
        assertThat(protectionKey.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(protectionKey.err()).contains("protection.pauseBounces");
    }

    static final List<String> RUNS = List.of(SequencerService.runId(CAMPAIGN, "lead-1"),
            SequencerService.runId(CAMPAIGN, "lead-2"), SequencerService.runId(CAMPAIGN, "lead-3"));

    private static boolean requested(String runId) {
        return sequencer.history().getOrDefault(runId, List.of()).stream().anyMatch(SendRequested.class::isInstance);
    }

    private static boolean ended(String runId) {
        return sequencer.history().getOrDefault(runId, List.of()).stream().anyMatch(RunCompleted.class::isInstance);
    }

    private static CliIT.Run cli(String... args) {
        return CliIT.cli(args);
    }

    private static String enroll(String leadId) {
        input(new LeadGateAllowed(ORG, CAMPAIGN, new LeadSnapshot(leadId, leadId + "@example.com", "Ada", null, null,
                null, "YELLOW", RecipientEsp.OTHER), "ENFORCE", List.of(), null, null, List.of()));
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
        kafka.publish(envelope != null ? envelope : new Envelope(id, EventType.of(event), Service.SEQUENCER.id(),
                Instant.now(), event.orgId(), null, id, event.tick(), event));
    }
}
