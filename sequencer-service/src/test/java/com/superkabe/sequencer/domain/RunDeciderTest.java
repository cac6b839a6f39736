package com.superkabe.sequencer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunCommandRejected;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.run.RunStepAdvanced;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.events.run.SendRequested;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Given events, when a command, then events: the run state machine without any framework. */
class RunDeciderTest {

    private static final LeadSnapshot ADA = new LeadSnapshot("lead-1", "ada@example.com", "Ada", "Lovelace",
            "Analytical Engines", null);
    private static final StepTemplate STEP_1 = new StepTemplate("Hi {{firstName}}", "About {{company}}", 0);
    private static final RunEnrolled ENROLLED = new RunEnrolled("org-1", "run-1", "c-1", ADA, "mb-1", 2, 5, 5);

    /** The run after these events; an enrolment is followed by its start (the campaign is active). */
    private static Optional<RunState> given(RunEvent... events) {
        RunState s = null;
        for (RunEvent e : events) {
            s = RunDecider.evolve(s, e);
            if (e instanceof RunEnrolled en) {
                s = RunDecider.evolve(s, new com.superkabe.events.run.RunStarted(en.orgId(), en.runId(), 0, en.dueTick(),
                        en.dueTick()));
            }
        }
        return Optional.ofNullable(s);
    }

    private static SendRequested requested(int step, long tick) {
        return (SendRequested) RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, tick),
                given(ENROLLED)).getFirst();
    }

    @Test
    void enrolsANewRunDueAfterTheFirstStepsDelay() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, "mb-1", 2, 0, 5),
                given());

        assertThat(events).containsExactly(new RunEnrolled("org-1", "run-1", "c-1", ADA, "mb-1", 2, 5, 5),
                new com.superkabe.events.run.RunStarted("org-1", "run-1", 0, 5, 5));
    }

    @Test
    void ignoresASecondEnrolmentOfTheSameRun() {
        assertThat(RunDecider.decide(new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, "mb-1", 2, 0, 9),
                given(ENROLLED))).singleElement().isInstanceOfSatisfying(
                com.superkabe.events.run.RunCommandRejected.class, r -> assertThat(r.command()).isEqualTo("ENROLL"));
    }

    @Test
    void requestsTheDueStepWithTokensReplacedAndASendIdFixedByRunAndStep() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 5), given(ENROLLED));

        assertThat(events).singleElement().isInstanceOfSatisfying(SendRequested.class, r -> {
            assertThat(r.subjectLine()).isEqualTo("Hi Ada");
            assertThat(r.body()).isEqualTo("About Analytical Engines");
            assertThat(r.toName()).isEqualTo("Ada Lovelace");
            assertThat(r.sendId()).isEqualTo(RunDecider.sendId("run-1", 0));
            assertThat(r.tick()).isEqualTo(5);
        });
    }

    @Test
    void doesNotSendBeforeTheDueTickNorTwiceWhileASendIsInFlight() {
        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 4), given(ENROLLED))).isEmpty();
        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 6), given(ENROLLED, requested(0, 5))))
                .isEmpty();
    }

    @Test
    void advancesToTheNextStepWhenTheSendSucceededAndWaitsForItsDelay() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.RecordSent("run-1", RunDecider.sendId("run-1", 0), 0, 3,
                6),
                given(ENROLLED, requested(0, 5)));

        assertThat(events).containsExactly(new RunStepAdvanced("org-1", "run-1", 1, 9, 6));
        assertThat(RunDecider.evolve(given(ENROLLED, requested(0, 5)).get(), events.getFirst()).status())
                .isEqualTo(RunStatus.WAITING);
    }

    @Test
    void completesAfterTheLastStepWasSent() {
        RunStepAdvanced advanced = new RunStepAdvanced("org-1", "run-1", 1, 9, 6);
        SendRequested second = new SendRequested("org-1", "run-1", RunDecider.sendId("run-1", 1), "c-1", "lead-1",
                "mb-1", 1, "ada@example.com", "Ada", "s", "b", 9);

        assertThat(RunDecider.decide(new RunCommand.RecordSent("run-1", second.sendId(), 1, 0, 10),
                given(ENROLLED, requested(0, 5), advanced, second))).containsExactly(new RunCompleted("org-1", "run-1", 10));
    }

    @Test
    void stopsOnAReplyAndThenIgnoresEveryLaterCommand() {
        List<RunEvent> replied = RunDecider.decide(new RunCommand.RecordReply("run-1", "reply-1", 7),
                given(ENROLLED, requested(0, 5)));
        assertThat(replied).containsExactly(new RunReplied("org-1", "run-1", "reply-1", 7));

        Optional<RunState> after = given(ENROLLED, requested(0, 5), replied.getFirst());
        assertThat(after.get().status()).isEqualTo(RunStatus.REPLIED);
        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 100), after)).isEmpty();
        assertThat(RunDecider.decide(new RunCommand.RecordSent("run-1", "s", 0, 3, 8), after))
                .singleElement().isInstanceOf(RunCommandRejected.class);
    }

    @Test
    void recordsAnOutcomeForAStepThatIsNotInFlightAsRejectedWithoutChangingTheRun() {
        assertThat(RunDecider.decide(new RunCommand.RecordSent("run-1", "s", 0, 3, 6), given(ENROLLED)))
                .singleElement().isInstanceOf(RunCommandRejected.class);
        List<RunEvent> late = RunDecider.decide(new RunCommand.RecordSent("run-1", "s", 1, 3, 6),
                given(ENROLLED, requested(0, 5)));
        assertThat(late).singleElement().isInstanceOf(RunCommandRejected.class);
        assertThat(given(ENROLLED, requested(0, 5), late.getFirst())).isEqualTo(given(ENROLLED, requested(0, 5)));
    }

    @Test
    void failsClosedWhenASendFailsPermanently() {
        assertThat(RunDecider.decide(new RunCommand.RecordFailed("run-1", RunDecider.sendId("run-1", 0), 0,
                        "HARD_BOUNCE: 550", 6),
                given(ENROLLED, requested(0, 5)))).containsExactly(new RunFailed("org-1", "run-1", 0, "HARD_BOUNCE: 550", 6));
    }

    @Test
    void failsClosedWhenATemplateTokenHasNoValueRatherThanSendingAHole() {
        StepTemplate needsTitle = new StepTemplate("Hi", "As {{title}} you...", 0);

        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", needsTitle, 5), given(ENROLLED)))
                .singleElement().isInstanceOfSatisfying(RunFailed.class,
                        f -> assertThat(f.reason()).contains("{{title}}"));
    }

    @Test
    void usesATokensFallbackWhenTheLeadHasNoValue() {
        StepTemplate withFallback = new StepTemplate("Hi", "As {{title|a leader}} you...", 0);

        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", withFallback, 5), given(ENROLLED)))
                .singleElement().isInstanceOfSatisfying(SendRequested.class,
                        r -> assertThat(r.body()).isEqualTo("As a leader you..."));
    }

    @Test
    void decidesNothingForARunThatDoesNotExist() {
        assertThat(RunDecider.decide(new RunCommand.RecordReply("run-x", "r", 1), given())).isEmpty();
    }

    private static Suppression unsubscribed(String email, String sourceRun, String sourceCampaign) {
        return new Suppression("org-1", email, Suppression.Cause.UNSUBSCRIBED, "ONE_CLICK", sourceRun, sourceCampaign, 6);
    }

    @Test
    void endsTheRunWhenItsRecipientUnsubscribesEvenThoughItsStepIsAlreadyDue() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.Suppress("run-1",
                unsubscribed("ada@example.com", "run-1", "c-1"), 7), given(ENROLLED));

        assertThat(events).containsExactly(new RunSuppressed("org-1", "run-1", 0, "UNSUBSCRIBED",
                "unsubscribed (ONE_CLICK)", "run-1", 7));
        Optional<RunState> after = given(ENROLLED, events.getFirst());
        assertThat(after.get().status()).isEqualTo(RunStatus.UNSUBSCRIBED);
        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 8), after)).isEmpty();
    }

    @Test
    void endsTheRunOnItsOwnUnsubscribeWhileASendIsInFlightAndIgnoresThatSendsLateOutcome() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.Suppress("run-1",
                unsubscribed("someone-else@example.com", "run-1", "c-1"), 7), given(ENROLLED, requested(0, 5)));

        assertThat(events).singleElement().isInstanceOf(RunSuppressed.class);
        Optional<RunState> after = given(ENROLLED, requested(0, 5), events.getFirst());
        assertThat(RunDecider.decide(new RunCommand.RecordSent("run-1", "s", 0, 3, 8), after))
                .singleElement().isInstanceOfSatisfying(RunCommandRejected.class,
                        r -> assertThat(r.reason()).contains("already UNSUBSCRIBED"));
    }

    @Test
    void endsARunOfTheSameAddressInAnotherCampaignSayingWhereTheRecipientUnsubscribed() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.Suppress("run-1",
                unsubscribed(" ADA@Example.com", "run-9", "c-9"), 7), given(ENROLLED));

        assertThat(events).containsExactly(new RunSuppressed("org-1", "run-1", 0, "UNSUBSCRIBED",
                "suppressed: unsubscribed in another campaign (campaign c-9), run run-9", "run-9", 7));
    }

    @Test
    void endsARunOfTheSameAddressAsBouncedWhenTheAddressHardBouncedElsewhere() {
        Suppression bounced = new Suppression("org-1", "ada@example.com", Suppression.Cause.BOUNCED,
                "550 5.1.1 user unknown", "run-9", "c-1", 6);

        List<RunEvent> events = RunDecider.decide(new RunCommand.Suppress("run-1", bounced, 7), given(ENROLLED));

        assertThat(events).singleElement().isInstanceOfSatisfying(RunSuppressed.class, x -> {
            assertThat(x.cause()).isEqualTo("BOUNCED");
            assertThat(x.reason()).isEqualTo("suppressed: hard-bounced in another run of this campaign, run run-9");
        });
        assertThat(RunDecider.evolve(given(ENROLLED).get(), events.getFirst()).status()).isEqualTo(RunStatus.BOUNCED);
    }

    @Test
    void leavesRunsOfAnotherAddressOrAnotherOrganizationAlone() {
        Suppression otherOrg = new Suppression("org-2", "ada@example.com", Suppression.Cause.UNSUBSCRIBED, "LINK",
                "run-9", "c-9", 6);

        assertThat(RunDecider.decide(new RunCommand.Suppress("run-1", unsubscribed("bob@example.com", "run-9", "c-9"),
                7), given(ENROLLED))).isEmpty();
        assertThat(RunDecider.decide(new RunCommand.Suppress("run-1", otherOrg, 7), given(ENROLLED))).isEmpty();
        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 5, otherOrg), given(ENROLLED)))
                .singleElement().isInstanceOf(SendRequested.class);
    }

    @Test
    void endsAnEnrolmentOfASuppressedAddressAtOnceWithTheReason() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, "mb-1", 2, 0, 5,
                unsubscribed("ada@example.com", "run-9", "c-9")), given());

        assertThat(events).containsExactly(new RunEnrolled("org-1", "run-1", "c-1", ADA, "mb-1", 2, 5, 5),
                new RunSuppressed("org-1", "run-1", 0, "UNSUBSCRIBED",
                        "suppressed: unsubscribed in another campaign (campaign c-9), run run-9", "run-9", 5));
    }

    @Test
    void endsTheRunInsteadOfSendingWhenTheDispatcherFindsTheAddressSuppressed() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 5,
                unsubscribed("ada@example.com", null, null)), given(ENROLLED));

        assertThat(events).containsExactly(new RunSuppressed("org-1", "run-1", 0, "UNSUBSCRIBED",
                "suppressed: address unsubscribed in this organization", null, 5));
    }

    @Test
    void aSuppressedRunIsNotSuppressedTwice() {
        RunSuppressed first = new RunSuppressed("org-1", "run-1", 0, "UNSUBSCRIBED", "unsubscribed (LINK)", "run-1", 6);

        assertThat(RunDecider.decide(new RunCommand.Suppress("run-1", unsubscribed("ada@example.com", "run-9", "c-9"),
                7), given(ENROLLED, first))).isEmpty();
    }
}
