package com.superkabe.sequencer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.campaign.CampaignVersionPublished;
import com.superkabe.events.campaign.RunControlRequested;
import com.superkabe.events.campaign.RunResolveRequested;
import com.superkabe.events.send.EmailOpened;
import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.domain.StepCondition;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import com.superkabe.events.campaign.SendRetrySettingsChanged;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.events.mailbox.MailboxConnectionChanged;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.application.replay.Replayer;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.sequencer.domain.RunDecider;
import com.superkabe.events.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Recorded sequencer histories (ADR 0019) replay to their recorded decisions: retries on the logical
 * clock, reroutes, pauses and operator decisions, moves off paused mailboxes, ESP throttling. Run with
 * {@code -Dhistory.record=true} once to re-record the files from the scenarios below (then review the diff).
 */
class GoldenHistoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"greylisting-retry", "sender-refusal-reroute", "ambiguous-resolved", "paused-mailbox-move",
        "esp-throttle-and-settings", "operator-control", "campaign-edit-and-conditions"})
    void aRecordedHistoryReplaysToItsRecordedDecisions(String name) throws IOException {
        if (Boolean.getBoolean("history.record")) {
            record(name);
        }
        HistoryFiles.History h = HistoryFiles.read(name);
        InMemoryRuns runs = new InMemoryRuns();
        Map<String, List<RunEvent>> replayed = Replayer.replay(h.inputs(), h.campaigns(), runs);

        assertThat(HistoryFiles.decisions(replayed, runs.dispatchDecisions()))
                .isEqualTo(Files.readString(HistoryFiles.DIR.resolve(name + ".expected.txt"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"greylisting-retry", "sender-refusal-reroute", "ambiguous-resolved", "paused-mailbox-move",
        "esp-throttle-and-settings", "operator-control", "campaign-edit-and-conditions"})
    void aRecordedHistoryReplaysToItsRecordedDecisionsWithCampaignsTakenFromTheTopicAlone(String name)
            throws IOException {
        HistoryFiles.History h = HistoryFiles.read(name);
        List<Envelope> topicOnly = HistoryFiles.withCampaignEvents(h);
        InMemoryRuns runs = new InMemoryRuns();

        Map<String, List<RunEvent>> replayed = Replayer.replay(topicOnly, List.of(), runs);

        assertThat(HistoryFiles.decisions(replayed, runs.dispatchDecisions()))
                .isEqualTo(Files.readString(HistoryFiles.DIR.resolve(name + ".expected.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aCampaignEventWithADifferentDefinitionIsCaughtByTheRecordedHistory() throws IOException {
        HistoryFiles.History h = HistoryFiles.read("greylisting-retry");
        CampaignDef recorded = h.campaigns().getFirst();
        CampaignDef edited = new CampaignDef(recorded.orgId(), recorded.campaignId(), recorded.name(),
                recorded.status(), recorded.mailboxIds(), List.of(recorded.steps().get(0),
                new StepTemplate(recorded.steps().get(1).subject(), recorded.steps().get(1).body(),
                        recorded.steps().get(1).delayTicks() + 5)), recorded.rules());
        List<Envelope> injected = HistoryFiles.withCampaignEvents(new HistoryFiles.History(List.of(edited),
                h.inputs()));
        InMemoryRuns runs = new InMemoryRuns();

        String replayed = HistoryFiles.decisions(Replayer.replay(injected, List.of(), runs), runs.dispatchDecisions());

        assertThat(replayed).isNotEqualTo(Files.readString(HistoryFiles.DIR.resolve("greylisting-retry.expected.txt"),
                StandardCharsets.UTF_8));
    }

    @Test
    void aDeciderThatFailsOnEveryFailureIsCaughtByTheRecordedHistory() throws IOException {
        HistoryFiles.History h = HistoryFiles.read("greylisting-retry");
        InMemoryRuns changed = new InMemoryRuns((command, state) -> RunDecider.decide(
                command instanceof RunCommand.RecordFailed f ? new RunCommand.RecordFailed(f.runId(), f.sendId(),
                        f.step(), f.reason(), f.tick()) : command, state));

        String replayed = HistoryFiles.decisions(Replayer.replay(h.inputs(), h.campaigns(), changed),
                changed.dispatchDecisions());

        assertThat(replayed).isNotEqualTo(Files.readString(HistoryFiles.DIR.resolve("greylisting-retry.expected.txt"),
                StandardCharsets.UTF_8)).contains("superkabe.run.failed.v1");
    }

    private static void record(String name) throws IOException {
        Scenario s = switch (name) {
            case "greylisting-retry" -> greylistingRetry();
            case "sender-refusal-reroute" -> senderRefusalReroute();
            case "ambiguous-resolved" -> ambiguousResolved();
            case "paused-mailbox-move" -> pausedMailboxMove();
            case "esp-throttle-and-settings" -> espThrottleAndSettings();
            case "operator-control" -> operatorControl();
            case "campaign-edit-and-conditions" -> campaignEditAndConditions();
            default -> throw new IllegalArgumentException(name);
        };
        HistoryFiles.write(name, s.campaigns, s.inputs);
        HistoryFiles.History h = HistoryFiles.read(name);
        InMemoryRuns runs = new InMemoryRuns();
        Files.writeString(HistoryFiles.DIR.resolve(name + ".expected.txt"), HistoryFiles.decisions(
                Replayer.replay(h.inputs(), h.campaigns(), runs), runs.dispatchDecisions()), StandardCharsets.UTF_8);
    }

    /**
     * Operator control (ADR 0022): a waiting run paused and resumed, a lead paused and resumed, a resume
     * of a run that is not paused rejected and recorded, a permanent failure retried by an operator.
     */
    private static Scenario operatorControl() {
        Scenario s = new Scenario().campaign("c-op", List.of("mb-a"), 1440, 0, 5, 5).address();
        String one = s.enroll("c-op", "lead-1", RecipientEsp.OTHER, "GREEN");
        String two = s.enroll("c-op", "lead-2", RecipientEsp.OTHER, "GREEN");
        s.tick();
        s.sent(s.lastSend(one)).sent(s.lastSend(two));
        s.input(new RunControlRequested(Scenario.ORG, one, null, "PAUSE", "apikey:org-h", "customer on holiday"));
        s.input(new RunControlRequested(Scenario.ORG, two, null, "RESUME", "apikey:org-h", "not paused"));
        s.input(new RunControlRequested(Scenario.ORG, null, "lead-2", "PAUSE", "apikey:org-h", "asked to wait"));
        s.ticks(8);
        s.input(new RunControlRequested(Scenario.ORG, one, null, "RESUME", "apikey:org-h", "back from holiday"));
        s.input(new RunControlRequested(Scenario.ORG, null, "lead-2", "RESUME", "apikey:org-h", "go ahead"));
        s.tick();
        s.failed(s.lastSend(one), SendFailureClass.PERMANENT, "PERMANENT", 554, "5.6.0 message rejected");
        s.sent(s.lastSend(two));
        s.tick();
        s.input(new RunResolveRequested(Scenario.ORG, "c-op", one, "RETRY", "apikey:org-h", "content fixed"));
        s.tick();
        return s.sent(s.lastSend(one)).ticks(6);
    }

    /**
     * A campaign edited while runs are under way (a new version: the running run keeps the old steps, a run
     * enrolled after it gets the new ones) and conditional steps: opened(0) sent after an open, skipped with
     * a log without one; notOpenedWithin(0, 15) skipped after an open, sent once 15 ticks passed without.
     */
    private static Scenario campaignEditAndConditions() {
        List<StepTemplate> v1 = List.of(new StepTemplate("Hi {{firstName}}", "v1 first", 0),
                new StepTemplate("Again {{firstName}}", "v1 second", 10));
        List<StepTemplate> v2 = List.of(new StepTemplate("Hello {{firstName}}", "v2 first", 0),
                new StepTemplate("Glad you read it", "v2 opened", 10, List.of(), new StepCondition.Opened(0)),
                new StepTemplate("Did you see it?", "v2 not opened", 10, List.of(),
                        new StepCondition.NotOpenedWithin(0, 15)));
        Scenario s = new Scenario().campaign(new CampaignDef(Scenario.ORG, "c-edit", "c-edit", "ACTIVE",
                List.of("mb-a"), v1, new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 0, 1440, false),
                Map.of(2, v2), 1)).address();
        String old = s.enroll("c-edit", "lead-1", RecipientEsp.OTHER, "GREEN");
        s.tick();
        s.sent(s.lastSend(old));
        s.input(new CampaignVersionPublished(Scenario.ORG, "c-edit", 2, 3, "apikey:org-h"));
        String reader = s.enroll("c-edit", "lead-2", RecipientEsp.OTHER, "GREEN");
        String silent = s.enroll("c-edit", "lead-3", RecipientEsp.OTHER, "GREEN");
        s.tick();
        SendRequested read = s.lastSend(reader);
        s.sent(read).sent(s.lastSend(silent));
        s.input(new EmailOpened(Scenario.ORG, read.sendId(), reader, "c-edit", "lead-2", read.mailboxId(), 0,
                read.toAddress(), "<" + read.sendId() + "@history.test>"));
        s.ticks(11);
        s.sent(s.lastSend(old)).sent(s.lastSend(reader));
        return s.ticks(25);
    }

    /** A 451 greylisting answer, the retry delivered, the second step, and a reply that stops the run. */
    private static Scenario greylistingRetry() {
        Scenario s = new Scenario().campaign("c-grey", List.of("mb-a"), 1440, 0, 30).address();
        String run = s.enroll("c-grey", "lead-1", RecipientEsp.GOOGLE, "GREEN");
        s.tick();
        s.failed(s.lastSend(run), SendFailureClass.TRANSIENT, "TRANSIENT", 451, "451 4.7.1 greylisted, try later");
        s.ticks(20);
        SendRequested retry = s.lastSend(run);
        s.sent(retry).ticks(31);
        SendRequested second = s.lastSend(run);
        s.sent(second);
        return s.input(new ReplyReceived(Scenario.ORG, "reply-1", second.mailboxId(), second.sendId(), run, "lead-1",
                "<" + second.sendId() + "@history.test>", "lead-1@example.com", "Re: Step 2"));
    }

    /** A 5.7.1 block on one mailbox sends the step from the other; a refused login disconnects a mailbox. */
    private static Scenario senderRefusalReroute() {
        Scenario s = new Scenario().campaign("c-block", List.of("mb-a", "mb-b"), 1440, 0).address();
        String one = s.enroll("c-block", "lead-1", RecipientEsp.MICROSOFT, "GREEN");
        String two = s.enroll("c-block", "lead-2", RecipientEsp.MICROSOFT, "GREEN");
        s.tick();
        SendRequested first = s.lastSend(one);
        s.failed(first, SendFailureClass.SENDER, "HARD_BOUNCE", 550, "5.7.1 blocked using zen.spamhaus.org");
        SendRequested other = s.lastSend(two);
        s.input(new MailboxConnectionChanged(Scenario.ORG, other.mailboxId(), false, "535 5.7.8 authentication failed"));
        s.failed(other, SendFailureClass.SENDER, "CONFIGURATION", 535, "5.7.8 authentication failed");
        s.tick();
        s.sent(s.lastSend(one));
        return s.tick();
    }

    /** A connection lost after DATA, not found in the Sent folder: paused; one run resent, one dropped. */
    private static Scenario ambiguousResolved() {
        Scenario s = new Scenario().campaign("c-amb", List.of("mb-a"), 1440, 0, 10).address();
        String resend = s.enroll("c-amb", "lead-1", RecipientEsp.OTHER, "GREEN");
        String drop = s.enroll("c-amb", "lead-2", RecipientEsp.OTHER, "GREEN");
        s.tick();
        s.failed(s.lastSend(resend), SendFailureClass.AMBIGUOUS, "AMBIGUOUS", 0,
                "connection lost after DATA; not in the Sent folder after 3 checks");
        s.failed(s.lastSend(drop), SendFailureClass.AMBIGUOUS, "AMBIGUOUS", 0,
                "connection lost after DATA; not in the Sent folder after 3 checks");
        s.ticks(3);
        s.input(new RunResolveRequested(Scenario.ORG, "c-amb", resend, "RESEND", "apikey:org-h", "not delivered"));
        s.input(new RunResolveRequested(Scenario.ORG, "c-amb", drop, "DROP", "apikey:org-h", "recipient confirmed"));
        s.tick();
        s.sent(s.lastSend(resend));
        return s.ticks(12);
    }

    /** Protection pauses a run's mailbox after step 1; after reassignAfterTicks step 2 leaves from the other. */
    private static Scenario pausedMailboxMove() {
        Scenario s = new Scenario().campaign("c-move", List.of("mb-a", "mb-b"), 5, 0, 3).address();
        String run = s.enroll("c-move", "lead-1", RecipientEsp.YAHOO, "GREEN");
        s.tick();
        SendRequested first = s.lastSend(run);
        s.sent(first);
        s.input(new MailboxStateChanged(Scenario.ORG, first.mailboxId(), "history.test", "healthy", "paused",
                "bounce_threshold", "Exceeded 5 bounces within 100 sends", "ENFORCE", true, "system", false, null,
                s.tick, s.tick + 100, false, false));
        s.ticks(9);
        s.sent(s.lastSend(run));
        return s.tick();
    }

    /** An organization's retry settings; Google defers: throttled for an hour, then lifted. */
    private static Scenario espThrottleAndSettings() {
        Scenario s = new Scenario().campaign("c-esp", List.of("mb-a"), 1440, 0).address();
        s.input(new SendRetrySettingsChanged(Scenario.ORG, 3, 12, 600, 0, "apikey:org-h"));
        List<String> google = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            google.add(s.enroll("c-esp", "g" + i, RecipientEsp.GOOGLE, i == 5 ? "YELLOW" : "GREEN"));
        }
        s.tick();
        s.failed(s.lastSend(google.getFirst()), SendFailureClass.TRANSIENT, "TRANSIENT", 421,
                "421 4.7.28 unusual rate of mail, try later");
        for (int i = 0; i < 4; i++) {
            s.enroll("c-esp", "later-g" + i, RecipientEsp.GOOGLE, "GREEN");
        }
        s.enroll("c-esp", "m0", RecipientEsp.MICROSOFT, "GREEN");
        return s.ticks(64);
    }
}
