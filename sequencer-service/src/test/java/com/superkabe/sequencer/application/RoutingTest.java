package com.superkabe.sequencer.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.events.mailbox.MailboxConnectionChanged;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunMailboxAssigned;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.application.replay.Replayer;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given a campaign's mailboxes and their records, when runs are dispatched, then routing picks, keeps and moves mailboxes. */
class RoutingTest {

    private static final List<StepTemplate> TWO_STEPS = List.of(new StepTemplate("Hi", "b", 0),
            new StepTemplate("Again", "b", 5));
    private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

    private final List<Envelope> inputs = new ArrayList<>();
    private long tick;

    @Test
    void withoutAnAddressNothingIsSentAndTheRunGoesOutOnceTheAddressArrives() {
        CampaignDef c = campaign(List.of("mb-1"), CampaignRules.UNLIMITED);
        enroll("lead-1", RecipientEsp.GOOGLE, "GREEN");
        tick();
        tick();
        List<SendRequested> before = sends(Replayer.replay(inputs, List.of(c)));
        input(new OrganizationMailingAddressSet("org-1", "Acme Inc., 1 Main St, Springfield"));
        tick();

        assertThat(before).isEmpty();
        assertThat(sends(Replayer.replay(inputs, List.of(c)))).singleElement()
                .satisfies(s -> assertThat(s.mailingAddress()).isEqualTo("Acme Inc., 1 Main St, Springfield"));
    }

    @Test
    void aGoogleRecipientIsRoutedToTheMailboxThatDeliversToGoogle() {
        address();
        CampaignDef c = campaign(List.of("mb-bad", "mb-good"), CampaignRules.UNLIMITED);
        // an earlier Google run's outcomes, counted against GOOGLE for each mailbox
        for (int i = 0; i < 30; i++) {
            enroll("g-" + i, RecipientEsp.GOOGLE, "GREEN");
        }
        tick();
        Map<String, List<RunEvent>> first = Replayer.replay(inputs, List.of(c));
        for (SendRequested s : sends(first)) {
            input(s.mailboxId().equals("mb-bad")
                    ? new EmailSendFailed("org-1", s.sendId(), s.runId(), "c-1", s.leadId(), "mb-bad", 0, s.toAddress(),
                            "TRANSIENT", 451, "4.7.1 try later", s.tick(), SendFailureClass.TRANSIENT, null)
                    : new EmailSent("org-1", s.sendId(), s.runId(), "c-1", s.leadId(), "mb-good", 0, s.toAddress(), "<m>",
                            s.tick()));
        }
        enroll("newcomer", RecipientEsp.GOOGLE, "GREEN");
        tick();

        SendRequested newcomer = sends(Replayer.replay(inputs, List.of(c))).stream()
                .filter(s -> s.runId().equals(SequencerService.runId("c-1", "newcomer"))).findFirst().orElseThrow();
        assertThat(newcomer.mailboxId()).isEqualTo("mb-good");
    }

    @Test
    void aRunStuckToAPausedMailboxMovesToAnotherAfterReassignAfterTicksWithItsReason() {
        address();
        CampaignDef c = campaign(List.of("mb-1", "mb-2"), new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 0, 10,
                false));
        enroll("lead-1", RecipientEsp.GOOGLE, "GREEN");
        tick();
        SendRequested first = sends(Replayer.replay(inputs, List.of(c))).getFirst();
        input(new EmailSent("org-1", first.sendId(), first.runId(), "c-1", "lead-1", first.mailboxId(), 0,
                first.toAddress(), "<m>", first.tick()));
        input(new MailboxStateChanged("org-1", first.mailboxId(), "x.test", "healthy", "paused", "bounce_threshold",
                "paused", "ENFORCE", false, "system", false, null, tick, 0, false, false));
        for (int i = 0; i < 9; i++) {
            tick(); // the second step is due after 5 ticks; the mailbox has been paused for < 10 ticks
        }
        List<SendRequested> stillOne = sends(Replayer.replay(inputs, List.of(c)));
        tick();
        tick();

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, List.of(c));
        assertThat(stillOne).hasSize(1);
        List<SendRequested> sends = sends(history);
        assertThat(sends).hasSize(2);
        String other = first.mailboxId().equals("mb-1") ? "mb-2" : "mb-1";
        assertThat(sends.get(1).mailboxId()).isEqualTo(other);
        assertThat(history.get(first.runId())).filteredOn(RunMailboxAssigned.class::isInstance).last()
                .satisfies(a -> assertThat(((RunMailboxAssigned) a).reason())
                        .startsWith("moved: " + first.mailboxId() + " paused by protection for 1"));
    }

    @Test
    void aRunWhoseMailboxRefusedItsLoginGoesOutFromAnotherMailboxOnTheNextTick() {
        address();
        CampaignDef c = campaign(List.of("mb-1", "mb-2"), CampaignRules.UNLIMITED);
        enroll("lead-1", RecipientEsp.GOOGLE, "GREEN");
        tick();
        SendRequested first = sends(Replayer.replay(inputs, List.of(c))).getFirst();
        input(new MailboxConnectionChanged("org-1", first.mailboxId(), false, "535 5.7.8 authentication failed"));
        input(new EmailSendFailed("org-1", first.sendId(), first.runId(), "c-1", "lead-1", first.mailboxId(), 0,
                first.toAddress(), "CONFIGURATION", 535, "5.7.8 authentication failed", first.tick(),
                SendFailureClass.SENDER, null));
        tick();

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, List.of(c));
        List<SendRequested> sends = sends(history);
        assertThat(sends).hasSize(2);
        assertThat(sends.get(1).mailboxId()).isNotEqualTo(first.mailboxId());
        assertThat(sends.get(1).tick()).isEqualTo(tick);
        assertThat(sends.get(1).sendId()).isNotEqualTo(first.sendId());
        assertThat(history.get(first.runId())).filteredOn(RunMailboxAssigned.class::isInstance).last()
                .isInstanceOfSatisfying(RunMailboxAssigned.class, a -> {
                    assertThat(a.fromMailboxId()).isEqualTo(first.mailboxId());
                    assertThat(a.reason()).startsWith("moved: " + first.mailboxId() + " refused the step");
                });
    }

    @Test
    void aDisconnectedMailboxIsNotRoutedTo() {
        address();
        CampaignDef c = campaign(List.of("mb-1", "mb-2"), CampaignRules.UNLIMITED);
        input(new MailboxConnectionChanged("org-1", "mb-1", false, "535 authentication failed"));
        for (int i = 0; i < 5; i++) {
            enroll("lead-" + i, RecipientEsp.GOOGLE, "GREEN");
        }
        tick();

        assertThat(sends(Replayer.replay(inputs, List.of(c)))).hasSize(5).allMatch(s -> s.mailboxId().equals("mb-2"));
    }

    @Test
    void atMostTwoYellowRecipientsGoOutPerSixtySendsOfAMailbox() {
        address();
        CampaignDef c = campaign(List.of("mb-1"), CampaignRules.UNLIMITED);
        for (int i = 0; i < 5; i++) {
            enroll("yellow-" + i, RecipientEsp.GOOGLE, "YELLOW");
        }
        for (int i = 0; i < 3; i++) {
            enroll("green-" + i, RecipientEsp.GOOGLE, "GREEN");
        }
        tick();

        List<SendRequested> sends = sends(Replayer.replay(inputs, List.of(c)));
        assertThat(sends).hasSize(5);
        assertThat(sends).filteredOn(s -> s.toAddress().startsWith("yellow")).hasSize(2);
        assertThat(sends).filteredOn(s -> s.toAddress().startsWith("green")).hasSize(3);
    }

    @Test
    void aSendingDomainSendsNoMoreThanItsBulkBudgetToConsumerGmailInADayAndTheRestGoesOutADayLater() {
        address();
        CampaignDef c = campaign(List.of("mb-1", "mb-2"), CampaignRules.UNLIMITED);
        input(new com.superkabe.events.mailbox.MailboxRegistered("org-1", "mb-1", "a@acme.test", "acme.test", "SMTP",
                0, null, null));
        input(new com.superkabe.events.mailbox.MailboxRegistered("org-1", "mb-2", "b@acme.test", "acme.test", "SMTP",
                0, null, null));
        for (int i = 0; i < 3; i++) {
            enrollAddress("gmail-" + i, "prospect" + i + "@gmail.com");
        }
        enrollAddress("work", "cto@example.com");
        enrollAddress("outlook", "someone@outlook.com");
        tick();
        SendingSettings budgetOfTwo = new SendingSettings(SendingSettings.DEFAULT.retry(),
                SendingSettings.DEFAULT.yellowBudget(), 1440, 2);
        List<SendRequested> dayOne = sends(Replayer.replay(inputs, List.of(c), new InMemoryRuns(), DispatchPaging.DEFAULT,
                budgetOfTwo));
        tickAt(Instant.parse("2026-03-04T00:01:00Z")); // a new UTC day, but not 24 hours later: still held
        List<SendRequested> sameDay = sends(Replayer.replay(inputs, List.of(c), new InMemoryRuns(), DispatchPaging.DEFAULT,
                budgetOfTwo));
        tickAt(Instant.parse("2026-03-04T10:02:00Z"));

        List<SendRequested> all = sends(Replayer.replay(inputs, List.of(c), new InMemoryRuns(), DispatchPaging.DEFAULT,
                budgetOfTwo));
        assertThat(dayOne).extracting(SendRequested::toAddress).filteredOn(a -> a.endsWith("@gmail.com")).hasSize(2);
        assertThat(dayOne).extracting(SendRequested::toAddress).contains("cto@example.com", "someone@outlook.com");
        assertThat(sameDay).filteredOn(r -> r.toAddress().endsWith("@gmail.com")).hasSize(2);
        assertThat(all).filteredOn(r -> r.toAddress().endsWith("@gmail.com")).hasSize(3)
                .filteredOn(r -> r.tick() == tick).hasSize(1);
    }

    @Test
    void anOrganizationsOwnRetryPolicyDecidesWhenAGreylistedStepIsTriedAgain() {
        address();
        input(new com.superkabe.events.campaign.SendRetrySettingsChanged("org-1", 2, 8, 100, 0, "apikey:org-1"));
        CampaignDef c = campaign(List.of("mb-1"), CampaignRules.UNLIMITED);
        enroll("lead-1", RecipientEsp.GOOGLE, "GREEN");
        tick();
        SendRequested first = sends(Replayer.replay(inputs, List.of(c))).getFirst();
        input(new EmailSendFailed("org-1", first.sendId(), first.runId(), "c-1", "lead-1", "mb-1", 0, first.toAddress(),
                "TRANSIENT", 451, "4.7.1 greylisted", first.tick(), SendFailureClass.TRANSIENT, null));

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, List.of(c));

        assertThat(history.get(first.runId())).last().isInstanceOfSatisfying(
                com.superkabe.events.run.RunSendRetryScheduled.class, r -> assertThat(r.dueTick()).isEqualTo(tick + 2));
    }

    @Test
    void aReplyCountsForTheMailboxWithTheRecipientsEsp() {
        address();
        CampaignDef c = campaign(List.of("mb-1"), CampaignRules.UNLIMITED);
        enroll("lead-1", RecipientEsp.MICROSOFT, "GREEN");
        tick();
        InMemoryRuns runs = new InMemoryRuns();
        SendRequested s = sends(Replayer.replay(inputs, List.of(c))).getFirst();
        input(new ReplyReceived("org-1", "reply-1", "mb-1", s.sendId(), s.runId(), "lead-1", "<m>", s.toAddress(), "Re"));

        Replayer.replay(inputs, List.of(c), runs);

        assertThat(runs.since(List.of("mb-1"), RecipientEsp.MICROSOFT, 0).get("mb-1").replied()).isEqualTo(1);
    }

    private void address() {
        input(new OrganizationMailingAddressSet("org-1", "Acme Inc., 1 Main St, Springfield, IL 62701, USA"));
    }

    private static CampaignDef campaign(List<String> mailboxes, CampaignRules rules) {
        return new CampaignDef("org-1", "c-1", "c-1", "ACTIVE", mailboxes, TWO_STEPS, rules);
    }

    private void enroll(String leadId, RecipientEsp esp, String health) {
        input(new LeadGateAllowed("org-1", "c-1", new LeadSnapshot(leadId, leadId + "@example.com", "Ada", null, null,
                null, health, esp), "ENFORCE", List.of()));
    }

    private void enrollAddress(String leadId, String email) {
        input(new LeadGateAllowed("org-1", "c-1", new LeadSnapshot(leadId, email, "Ada", null, null, null, "GREEN",
                RecipientEsp.fromDomain(email.substring(email.indexOf('@') + 1))), "ENFORCE", List.of()));
    }

    private void tickAt(Instant at) {
        tick++;
        input(new ClockTicked(tick, at, 60));
    }

    private void tick() {
        tick++;
        input(new ClockTicked(tick, T0.plusSeconds(60 * tick), 60));
    }

    private void input(SuperkabeEvent payload) {
        inputs.add(TestInputs.envelope(inputs.size(), payload));
    }

    private static List<SendRequested> sends(Map<String, List<RunEvent>> history) {
        return TestInputs.sends(history);
    }
}
