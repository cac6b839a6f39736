package com.superkabe.sequencer.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.protection.MailboxWarmupLimitSet;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.application.replay.Replayer;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given ordered inputs, when the sequencer handles the ticks, then windows and caps hold and release runs. */
class DispatcherTest {

    private static final List<StepTemplate> STEPS = List.of(new StepTemplate("Hi", "b", 0));
    private static final SendWindow NINE_TO_FIVE_NEW_YORK = new SendWindow(ZoneId.of("America/New_York"),
            LocalTime.of(9, 0), LocalTime.of(17, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    private final List<Envelope> inputs = new ArrayList<>();
    private long tick;

    {
        // nothing is sent without the organization's postal address (ADR 0020)
        input(new OrganizationMailingAddressSet("org-1", "Acme Inc., 1 Main St, Springfield, IL 62701, USA"));
    }

    @Test
    void leadsDueOutsideTheWindowAccumulateAndAllGoOutOnTheFirstTickOfTheNextWindow() {
        CampaignDef c = campaign("c-1", List.of("mb-1", "mb-2"), new CampaignRules(NINE_TO_FIVE_NEW_YORK, null,
                Map.of(), 0));
        enroll("c-1", "lead-1");
        enroll("c-1", "lead-2");
        tickAt("2026-03-06T22:30:00Z"); // Friday 17:30 in New York
        tickAt("2026-03-07T15:00:00Z"); // Saturday 10:00
        tickAt("2026-03-09T12:59:00Z"); // Monday 08:59 EDT
        tickAt("2026-03-09T13:00:00Z"); // Monday 09:00 EDT

        List<SendRequested> sends = sends(Replayer.replay(inputs, List.of(c)));

        assertThat(sends).hasSize(2).allMatch(s -> s.tick() == tick);
    }

    @Test
    void aRegisteredMailboxLimitAndAWarmupLimitHoldLeadsAndTheySendOnTheNextDayOnTheirOwnMailbox() {
        CampaignDef c = campaign("c-1", List.of("mb-1"), CampaignRules.UNLIMITED);
        input(new MailboxRegistered("org-1", "mb-1", "a@acme.test", "acme.test", "SMTP", 3, null, null));
        input(new MailboxWarmupLimitSet("org-1", "mb-1", "restricted_send", true, 1, 0, "restricted send"));
        for (int i = 0; i < 4; i++) {
            enroll("c-1", "lead-" + i);
        }
        tickAt("2026-03-03T10:00:00Z");
        tickAt("2026-03-03T10:01:00Z");
        tickAt("2026-03-04T00:00:00Z");
        input(new MailboxWarmupLimitSet("org-1", "mb-1", "healthy", false, -1, 0, "graduated"));
        tickAt("2026-03-04T00:01:00Z");
        tickAt("2026-03-04T00:02:00Z");

        List<SendRequested> sends = sends(Replayer.replay(inputs, List.of(c)));

        assertThat(sends).extracting(SendRequested::tick).containsExactly(1L, 3L, 4L, 4L);
        assertThat(sends).allMatch(s -> s.mailboxId().equals("mb-1"));
    }

    @Test
    void runsHeldByACapDoNotStarveAnotherCampaignsRunsDueLater() {
        CampaignDef capped = campaign("c-capped", List.of("mb-1"), new CampaignRules(SendWindow.ALWAYS, 1, Map.of(),
                0));
        CampaignDef other = campaign("c-other", List.of("mb-2"), CampaignRules.UNLIMITED);
        for (int i = 0; i < DispatchPaging.DEFAULT.page() + 100; i++) {
            enroll("c-capped", "lead-" + i);
        }
        tickAt("2026-03-03T10:00:00Z");
        enroll("c-other", "lead-late");
        tickAt("2026-03-03T10:01:00Z");

        List<SendRequested> sends = sends(Replayer.replay(inputs, List.of(capped, other)));

        assertThat(sends).extracting(SendRequested::campaignId).containsExactly("c-capped", "c-other");
    }

    @Test
    void theCampaignCapAndTheMailboxOverrideBoundTheSendsAndAReplayDecidesTheSame() {
        CampaignDef c = campaign("c-1", List.of("mb-1", "mb-2"), new CampaignRules(NINE_TO_FIVE_NEW_YORK, 3,
                Map.of("mb-1", 1), 7));
        for (int i = 0; i < 6; i++) {
            enroll("c-1", "lead-" + i);
        }
        for (int m = 0; m < 60; m++) {
            tickAt(Instant.parse("2026-03-09T12:50:00Z").plusSeconds(60L * m).toString());
        }

        List<SendRequested> first = sends(Replayer.replay(inputs, List.of(c), new InMemoryRuns()));
        List<SendRequested> second = sends(Replayer.replay(inputs, List.of(c), new InMemoryRuns()));

        assertThat(first).hasSize(3);
        assertThat(first).filteredOn(r -> r.mailboxId().equals("mb-1")).hasSizeLessThanOrEqualTo(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void moreHeldRunsThanTheScanLimitDoNotStopALaterDueRunOfAnotherCampaignFromBeingSentOnTheSameTick() {
        DispatchPaging small = new DispatchPaging(10, 50);
        CampaignDef capped = campaign("c-capped", List.of("mb-1", "mb-2"), new CampaignRules(SendWindow.ALWAYS, 1,
                Map.of(), 0));
        CampaignDef other = campaign("c-other", List.of("mb-3"), CampaignRules.UNLIMITED);
        for (int i = 0; i < small.scanLimit() + 20; i++) {
            enroll("c-capped", "lead-" + i);
        }
        tickAt("2026-03-03T10:00:00Z");
        enroll("c-other", "lead-late");
        tickAt("2026-03-03T10:01:00Z");

        List<SendRequested> sends = sends(Replayer.replay(inputs, List.of(capped, other), new InMemoryRuns(), small));

        assertThat(sends).extracting(SendRequested::campaignId, SendRequested::tick)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c-capped", 1L),
                        org.assertj.core.groups.Tuple.tuple("c-other", 2L));
    }

    @Test
    void aMailboxSharedWithAGapThirtyCampaignWaitsThatGapBeforeAGapZeroCampaignSendsFromIt() {
        CampaignDef spaced = campaign("c-spaced", List.of("mb-1"), new CampaignRules(SendWindow.ALWAYS, null,
                Map.of(), 30));
        CampaignDef burst = campaign("c-burst", List.of("mb-1"), CampaignRules.UNLIMITED);
        enroll("c-spaced", "lead-spaced");
        tickAt("2026-03-03T10:00:00Z");
        enroll("c-burst", "lead-burst");
        for (int m = 1; m <= 40; m++) {
            tickAt(Instant.parse("2026-03-03T10:00:00Z").plusSeconds(60L * m).toString());
        }

        List<SendRequested> sends = sends(Replayer.replay(inputs, List.of(spaced, burst)));

        assertThat(sends).extracting(SendRequested::campaignId).containsExactly("c-spaced", "c-burst");
        assertThat(sends.get(1).tick() - sends.get(0).tick()).as("ticks of a minute between the two sends")
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void aPausedCampaignsRunsStayDueAndGoOutOnTheFirstTickAfterItIsResumedWhileOtherCampaignsSend() {
        CampaignDef paused = campaign("c-paused", List.of("mb-1"), CampaignRules.UNLIMITED);
        CampaignDef other = campaign("c-other", List.of("mb-2"), CampaignRules.UNLIMITED);
        enroll("c-paused", "lead-1");
        enroll("c-other", "lead-2");
        input(new CampaignStatusChanged("org-1", "c-paused", "ACTIVE", "PAUSED"));
        input(new CampaignStatusChanged("org-2", "c-other", "ACTIVE", "PAUSED")); // another org's: ignored
        tickAt("2026-03-03T10:00:00Z");
        tickAt("2026-03-03T10:01:00Z");
        input(new CampaignStatusChanged("org-1", "c-paused", "PAUSED", "ACTIVE"));
        tickAt("2026-03-03T10:02:00Z");

        List<SendRequested> sends = sends(Replayer.replay(inputs, List.of(paused, other)));

        assertThat(sends).extracting(SendRequested::campaignId, SendRequested::tick)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c-other", 1L),
                        org.assertj.core.groups.Tuple.tuple("c-paused", 3L));
    }

    @Test
    void aTickReadsTheLedgerWithOneQueryPerKindOfUsageWhateverTheNumberOfMailboxesAndCampaigns() {
        List<CampaignDef> defs = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            List<String> mailboxes = List.of("mb-" + c + "-a", "mb-" + c + "-b", "mb-" + c + "-c");
            defs.add(campaign("c-" + c, mailboxes, new CampaignRules(SendWindow.ALWAYS, 100,
                    Map.of(mailboxes.getFirst(), 50), 0)));
            for (int l = 0; l < 10; l++) {
                enroll("c-" + c, "lead-" + c + "-" + l);
            }
        }
        tickAt("2026-03-03T10:00:00Z");
        InMemoryRuns runs = new InMemoryRuns();
        CountingLedger ledger = new CountingLedger(runs);
        Campaigns campaigns = new com.superkabe.sequencer.application.replay.InMemoryCampaigns(defs);
        SequencerService sequencer = new SequencerService(new SequencerService.Ports(campaigns, runs, runs, runs, runs,
                runs, ledger, runs, runs, runs, runs, runs, (c, cause) -> { }), DispatchPaging.DEFAULT,
                SendingSettings.DEFAULT, DispatchObserver.NONE);

        inputs.forEach(sequencer::onInput);

        assertThat(sends(runs.history())).hasSize(50);
        assertThat(ledger.reads).as("mailboxes, campaigns, overrides, YELLOW windows: one read each for the tick's "
                + "one page").isEqualTo(4);
    }

    /** Counts the ledger reads of a tick. */
    private static final class CountingLedger implements SendLedger {
        private final SendLedger delegate;
        int reads;

        CountingLedger(SendLedger delegate) {
            this.delegate = delegate;
        }

        @Override
        public void record(Entry entry) {
            delegate.record(entry);
        }

        @Override
        public Map<String, MailboxUsage> mailboxUsage(java.util.Collection<String> mailboxIds, Instant since,
                                                      SendWindow.Day day) {
            reads++;
            return delegate.mailboxUsage(mailboxIds, since, day);
        }

        @Override
        public Map<String, List<Boolean>> recentYellow(java.util.Collection<String> mailboxIds, int window) {
            reads++;
            return delegate.recentYellow(mailboxIds, window);
        }

        @Override
        public Map<String, Integer> sentByMailboxEsp(java.util.Collection<String> mailboxIds, long fromTick) {
            reads++;
            return delegate.sentByMailboxEsp(mailboxIds, fromTick);
        }

        @Override
        public Map<String, Integer> bulkUsage(java.util.Collection<String> sendingDomains, Instant since) {
            reads++;
            return delegate.bulkUsage(sendingDomains, since);
        }

        @Override
        public Map<String, Integer> sentByCampaign(Map<String, SendWindow.Day> days) {
            reads++;
            return delegate.sentByCampaign(days);
        }

        @Override
        public Map<CampaignMailbox, Integer> sentByPair(Map<CampaignMailbox, SendWindow.Day> days) {
            reads++;
            return delegate.sentByPair(days);
        }
    }

    private static final SendWindow AFTERNOON = new SendWindow(java.time.ZoneOffset.UTC, java.time.LocalTime.of(14, 0),
            java.time.LocalTime.of(16, 0), java.util.EnumSet.allOf(java.time.DayOfWeek.class));

    @Test
    void aStepHeldByAClosedWindowIsRecordedOnceOnTheRunAndSentWhenTheWindowOpens() {
        CampaignDef c = campaign("c-win", List.of("mb-1"), new CampaignRules(AFTERNOON, null, Map.of(), 0));
        enroll("c-win", "lead-1");
        tickAt("2026-03-03T10:00:00Z");
        tickAt("2026-03-03T10:01:00Z");
        tickAt("2026-03-03T10:02:00Z");
        tickAt("2026-03-03T14:00:00Z");

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, List.of(c));

        List<com.superkabe.events.run.RunPolicyHeld> holds = history.values().stream().flatMap(List::stream)
                .filter(com.superkabe.events.run.RunPolicyHeld.class::isInstance)
                .map(com.superkabe.events.run.RunPolicyHeld.class::cast).toList();
        assertThat(holds).singleElement().satisfies(h -> {
            assertThat(h.policy()).isEqualTo(com.superkabe.events.run.SendPolicy.SENDING_WINDOW);
            assertThat(h.action()).isEqualTo(com.superkabe.events.run.PolicyAction.DEFER);
            assertThat(h.tick()).isEqualTo(1);
        });
        assertThat(sends(history)).singleElement().extracting(SendRequested::tick).isEqualTo(4L);
    }

    @Test
    void aCampaignThatSkipsOutsideItsWindowSkipsTheStepWithALogAndGoesOnToTheNext() {
        CampaignDef c = campaign("c-skip", List.of("mb-1"), new CampaignRules(AFTERNOON, null, Map.of(), 0,
                CampaignRules.DEFAULT_REASSIGN_AFTER_TICKS, false, new com.superkabe.sequencer.domain.policy.PolicySettings(
                Map.of(com.superkabe.events.run.SendPolicy.SENDING_WINDOW,
                        com.superkabe.events.run.PolicyAction.SKIP_WITH_LOG))));
        enroll("c-skip", "lead-1");
        tickAt("2026-03-03T10:00:00Z");

        List<RunEvent> events = Replayer.replay(inputs, List.of(c)).values().iterator().next();

        assertThat(events).filteredOn(com.superkabe.events.run.RunStepSkipped.class::isInstance).singleElement()
                .satisfies(k -> assertThat(((com.superkabe.events.run.RunStepSkipped) k).reason())
                        .contains("SENDING_WINDOW"));
        assertThat(events).filteredOn(SendRequested.class::isInstance).isEmpty();
        assertThat(events).last().isInstanceOf(com.superkabe.events.run.RunCompleted.class);
    }

    @Test
    void aPausedLeadsRunThatComesDueLaterIsPausedByTheGateInsteadOfSent() {
        CampaignDef c = new CampaignDef("org-1", "c-lead", "c-lead", "ACTIVE", List.of("mb-1"),
                List.of(new StepTemplate("Hi", "b", 0), new StepTemplate("Again", "b2", 2)), CampaignRules.UNLIMITED);
        enroll("c-lead", "lead-1");
        tickAt("2026-03-03T10:00:00Z");
        SendRequested first = sends(Replayer.replay(inputs, List.of(c))).getFirst();
        // the pause finds the run's first send in flight: the gate pauses it when its next step comes due
        input(new com.superkabe.events.campaign.RunControlRequested("org-1", null, "lead-1", "PAUSE", "op", "wait"));
        input(new com.superkabe.events.send.EmailSent("org-1", first.sendId(), first.runId(), "c-lead", "lead-1",
                first.mailboxId(), 0, first.toAddress(), "<m@x>", 1));
        tickAt("2026-03-03T10:01:00Z");
        tickAt("2026-03-03T10:02:00Z");
        tickAt("2026-03-03T10:03:00Z");

        List<RunEvent> events = Replayer.replay(inputs, List.of(c)).get(first.runId());

        assertThat(events).filteredOn(SendRequested.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(com.superkabe.events.run.RunPolicyHeld.class::isInstance).singleElement()
                .satisfies(h -> assertThat(((com.superkabe.events.run.RunPolicyHeld) h).policy())
                        .isEqualTo(com.superkabe.events.run.SendPolicy.LEAD_PAUSED));
        assertThat(events).last().isInstanceOfSatisfying(com.superkabe.events.run.RunPaused.class,
                p -> assertThat(p.cause()).isEqualTo("LEAD"));
    }

    private static CampaignDef campaign(String id, List<String> mailboxes, CampaignRules rules) {
        return new CampaignDef("org-1", id, id, "ACTIVE", mailboxes, STEPS, rules);
    }

    private static List<SendRequested> sends(Map<String, List<RunEvent>> history) {
        return TestInputs.sends(history);
    }

    private void enroll(String campaign, String leadId) {
        input(new LeadGateAllowed("org-1", campaign, new LeadSnapshot(leadId, leadId + "@example.com", "Ada", null,
                null, null), "ENFORCE", List.of()));
    }

    private void tickAt(String instant) {
        tick++;
        input(new ClockTicked(tick, Instant.parse(instant), 60));
    }

    private void input(SuperkabeEvent payload) {
        inputs.add(TestInputs.envelope(inputs.size(), payload));
    }
}
