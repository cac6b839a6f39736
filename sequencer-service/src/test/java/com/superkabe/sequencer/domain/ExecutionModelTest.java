package com.superkabe.sequencer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.run.PolicyAction;
import com.superkabe.events.run.RunCommandRejected;
import com.superkabe.events.run.RunEngagementRecorded;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunPaused;
import com.superkabe.events.run.RunPolicyHeld;
import com.superkabe.events.run.RunResumed;
import com.superkabe.events.run.RunStarted;
import com.superkabe.events.run.RunStepAdvanced;
import com.superkabe.events.run.RunStepSkipped;
import com.superkabe.events.run.RunStopped;
import com.superkabe.events.run.RunWaitElapsed;
import com.superkabe.events.run.RunWaiting;
import com.superkabe.events.run.SendPolicy;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.sequencer.domain.dispatch.HoldReason;
import com.superkabe.sequencer.domain.policy.PolicyGate;
import com.superkabe.sequencer.domain.policy.PolicySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seed 003's run states, the policy gate's actions and the operator's commands (ADR 0022), one behaviour each. */
class ExecutionModelTest {

    private static final LeadSnapshot ADA = new LeadSnapshot("lead-1", "ada@example.com", "Ada", null, null, null);
    private static final StepTemplate STEP = new StepTemplate("Hi {{firstName}}", "Hello", 0);
    private static final PolicyGate.Facts CLEAR = new PolicyGate.Facts(false, true, null);
    private final List<RunEvent> history = new ArrayList<>();

    private Optional<RunState> state() {
        RunState s = null;
        for (RunEvent e : history) {
            s = RunDecider.evolve(s, e);
        }
        return Optional.ofNullable(s);
    }

    private RunStatus status() {
        return state().orElseThrow().status();
    }

    private List<RunEvent> when(RunCommand command) {
        List<RunEvent> events = RunDecider.decide(command, state());
        history.addAll(events);
        return events;
    }

    private void enrolledInAPausedCampaign() {
        when(new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, null, 3, 0, 0, null, 1, false));
    }

    private void activeAt(long tick) {
        enrolledInAPausedCampaign();
        when(new RunCommand.Start("run-1", 0, tick));
    }

    private SendRequested dispatch(long tick) {
        return when(new RunCommand.Dispatch("run-1", STEP, tick, null, "mb-1", "routed", null)).stream()
                .filter(SendRequested.class::isInstance).map(SendRequested.class::cast).findFirst().orElseThrow();
    }

    private void sentAndWaiting(long tick, long nextDelay) {
        SendRequested send = dispatch(tick);
        when(new RunCommand.RecordSent("run-1", send.sendId(), send.step(), nextDelay, tick));
    }

    @Test
    void aRunEnrolledWhileItsCampaignIsNotActiveStaysPendingAndSendsNothing() {
        enrolledInAPausedCampaign();

        assertThat(status()).isEqualTo(RunStatus.PENDING);
        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", STEP, 5, null, "mb-1", "routed", null), state()))
                .isEmpty();
    }

    @Test
    void aPendingRunStartsActiveWhenItsCampaignBecomesActive() {
        enrolledInAPausedCampaign();

        assertThat(when(new RunCommand.Start("run-1", 0, 4))).containsExactly(new RunStarted("org-1", "run-1", 0, 4, 4));
        assertThat(status()).isEqualTo(RunStatus.ACTIVE);
    }

    @Test
    void aRunWhoseFirstStepIsAWaitStartsActiveThenWaits() {
        enrolledInAPausedCampaign();

        assertThat(when(new RunCommand.Start("run-1", 30, 4))).containsExactly(new RunStarted("org-1", "run-1", 0, 34, 4),
                new RunWaiting("org-1", "run-1", 0, 34, 4));
        assertThat(status()).isEqualTo(RunStatus.WAITING);
    }

    @Test
    void aSentStepWithADelayWaitsAndBecomesActiveOnlyWhenTheWaitElapses() {
        activeAt(1);
        sentAndWaiting(1, 10);
        assertThat(status()).isEqualTo(RunStatus.WAITING);

        assertThat(when(new RunCommand.Elapse("run-1", 10))).isEmpty();
        assertThat(when(new RunCommand.Elapse("run-1", 11))).containsExactly(new RunWaitElapsed("org-1", "run-1", 1, 11));
        assertThat(status()).isEqualTo(RunStatus.ACTIVE);
    }

    @Test
    void aWaitingRunIsNeverDispatchedBeforeItsWaitHasElapsed() {
        activeAt(1);
        sentAndWaiting(1, 10);

        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", STEP, 20, null, "mb-1", "routed", null), state()))
                .isEmpty();
    }

    @Test
    void anOperatorPausesAWaitingRunAndItsResumeWaitsAgainForTheRemainingDelay() {
        activeAt(1);
        sentAndWaiting(1, 10);

        assertThat(when(new RunCommand.Pause("run-1", "apikey:o", "holiday", null, 3))).singleElement()
                .isInstanceOfSatisfying(RunPaused.class, p -> assertThat(p.cause()).isEqualTo("OPERATOR"));
        assertThat(status()).isEqualTo(RunStatus.PAUSED);
        assertThat(when(new RunCommand.Elapse("run-1", 20))).isEmpty();

        assertThat(when(new RunCommand.Resume("run-1", "apikey:o", "back", null, 5))).containsExactly(
                new RunResumed("org-1", "run-1", 1, "RESUME", "apikey:o", "back", 11, 5),
                new RunWaiting("org-1", "run-1", 1, 11, 5));
        assertThat(status()).isEqualTo(RunStatus.WAITING);
    }

    @Test
    void aRunResumedAfterItsDueTickIsActiveAtOnce() {
        activeAt(1);
        when(new RunCommand.Pause("run-1", "apikey:o", "hold on", null, 1));

        assertThat(when(new RunCommand.Resume("run-1", "apikey:o", "go", null, 9))).singleElement()
                .isInstanceOf(RunResumed.class);
        assertThat(status()).isEqualTo(RunStatus.ACTIVE);
    }

    @Test
    void pausingARunWithASendInFlightIsRejectedWithAReasonAndChangesNothing() {
        activeAt(1);
        dispatch(1);
        RunState before = state().orElseThrow();

        assertThat(when(new RunCommand.Pause("run-1", "apikey:o", "stop", null, 2))).singleElement()
                .isInstanceOfSatisfying(RunCommandRejected.class, r -> assertThat(r.reason()).contains("in flight"));
        assertThat(state().orElseThrow()).isEqualTo(before);
    }

    @Test
    void resumingARunThatIsNotPausedAndPausingATerminalRunAreRejected() {
        activeAt(1);
        assertThat(when(new RunCommand.Resume("run-1", "apikey:o", "go", null, 2))).singleElement()
                .isInstanceOfSatisfying(RunCommandRejected.class, r -> assertThat(r.command()).isEqualTo("RESUME"));

        SendRequested send = dispatch(2);
        when(new RunCommand.RecordFailed("run-1", send.sendId(), 0, "554 rejected", 3));
        assertThat(status()).isEqualTo(RunStatus.FAILED);
        assertThat(when(new RunCommand.Pause("run-1", "apikey:o", "why", null, 4))).singleElement()
                .isInstanceOf(RunCommandRejected.class);
        assertThat(status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aFailedRunIsRetriedByAnOperatorWithANewSendId() {
        activeAt(1);
        SendRequested first = dispatch(1);
        when(new RunCommand.RecordFailed("run-1", first.sendId(), 0, "554 rejected", 2));

        assertThat(when(new RunCommand.Resolve("run-1", RunCommand.ResolveAction.RESEND, "apikey:o", "fixed", 60, 5)))
                .singleElement().isInstanceOf(RunResumed.class);
        assertThat(status()).isEqualTo(RunStatus.ACTIVE);
        assertThat(dispatch(5).sendId()).isNotEqualTo(first.sendId());
    }

    @Test
    void aFailedRunIsSkippedToItsNextStepByAnOperator() {
        activeAt(1);
        SendRequested first = dispatch(1);
        when(new RunCommand.RecordFailed("run-1", first.sendId(), 0, "554 rejected", 2));

        List<RunEvent> events = when(new RunCommand.Resolve("run-1", RunCommand.ResolveAction.DROP, "apikey:o",
                "not needed", 60, 5));

        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isInstanceOf(RunStepSkipped.class);
        assertThat(events.get(2)).isEqualTo(new RunStepAdvanced("org-1", "run-1", 1, 65, 5));
        assertThat(status()).isEqualTo(RunStatus.WAITING);
    }

    @Test
    void aStoppedFailedRunCannotBeResolvedAgain() {
        activeAt(1);
        SendRequested first = dispatch(1);
        when(new RunCommand.RecordFailed("run-1", first.sendId(), 0, "554 rejected", 2));

        assertThat(when(new RunCommand.Resolve("run-1", RunCommand.ResolveAction.STOP, "apikey:o", "give up", 0, 3)))
                .singleElement().isInstanceOf(RunStopped.class);
        assertThat(when(new RunCommand.Resolve("run-1", RunCommand.ResolveAction.RESEND, "apikey:o", "again", 0, 4)))
                .singleElement().isInstanceOfSatisfying(RunCommandRejected.class,
                        r -> assertThat(r.reason()).contains("stopped"));
        assertThat(status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aRunPausedByAnOperatorCannotBeResolvedButOnlyResumed() {
        activeAt(1);
        when(new RunCommand.Pause("run-1", "apikey:o", "hold", null, 1));

        assertThat(when(new RunCommand.Resolve("run-1", RunCommand.ResolveAction.RESEND, "apikey:o", "x", 0, 2)))
                .singleElement().isInstanceOf(RunCommandRejected.class);
    }

    @Test
    void aDeferredHoldIsRecordedOnceForAsLongAsItHolds() {
        activeAt(1);
        PolicyGate.Facts window = new PolicyGate.Facts(false, true, HoldReason.WINDOW_CLOSED);

        assertThat(when(new RunCommand.Evaluate("run-1", STEP, window, PolicySettings.DEFAULT, 0, 2))).singleElement()
                .isInstanceOfSatisfying(RunPolicyHeld.class, h -> {
                    assertThat(h.policy()).isEqualTo(SendPolicy.SENDING_WINDOW);
                    assertThat(h.action()).isEqualTo(PolicyAction.DEFER);
                });
        assertThat(when(new RunCommand.Evaluate("run-1", STEP, window, PolicySettings.DEFAULT, 0, 3))).isEmpty();
        assertThat(status()).isEqualTo(RunStatus.ACTIVE);
    }

    @Test
    void aPolicyWhoseActionIsPausePausesTheRunForAResume() {
        activeAt(1);
        PolicySettings pauseOnCaps = new PolicySettings(Map.of(SendPolicy.CAPS_AND_RATE_LIMITS, PolicyAction.PAUSE));

        List<RunEvent> events = when(new RunCommand.Evaluate("run-1", STEP,
                new PolicyGate.Facts(false, true, HoldReason.CAMPAIGN_DAILY_LIMIT), pauseOnCaps, 0, 2));

        assertThat(events).hasSize(2).last().isInstanceOfSatisfying(RunPaused.class,
                p -> assertThat(p.cause()).isEqualTo("POLICY"));
        assertThat(when(new RunCommand.Resume("run-1", "apikey:o", "limit raised", null, 3))).isNotEmpty();
        assertThat(status()).isEqualTo(RunStatus.ACTIVE);
    }

    @Test
    void aPolicyWhoseActionIsFailFailsTheRun() {
        activeAt(1);
        PolicySettings failWithoutAddress = new PolicySettings(Map.of(SendPolicy.COMPLIANCE, PolicyAction.FAIL));

        List<RunEvent> events = when(new RunCommand.Evaluate("run-1", STEP, new PolicyGate.Facts(false, false, null),
                failWithoutAddress, 0, 2));

        assertThat(events).last().isInstanceOf(RunFailed.class);
        assertThat(status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aPolicyWhoseActionIsSkipWithLogSkipsTheStepSayingWhyAndGoesOn() {
        activeAt(1);
        PolicySettings skipOutsideWindow = new PolicySettings(Map.of(SendPolicy.SENDING_WINDOW,
                PolicyAction.SKIP_WITH_LOG));

        List<RunEvent> events = when(new RunCommand.Evaluate("run-1", STEP,
                new PolicyGate.Facts(false, true, HoldReason.WINDOW_CLOSED), skipOutsideWindow, 20, 2));

        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isInstanceOfSatisfying(RunStepSkipped.class,
                k -> assertThat(k.reason()).contains("SENDING_WINDOW"));
        assertThat(state().orElseThrow().currentStep()).isEqualTo(1);
        assertThat(state().orElseThrow().log().results().get(0).outcome()).isEqualTo("SKIPPED");
    }

    @Test
    void aPausedLeadPausesItsDueRunForTheLeadsResumeOnly() {
        activeAt(1);

        List<RunEvent> events = when(new RunCommand.Evaluate("run-1", STEP, new PolicyGate.Facts(true, true, null),
                PolicySettings.DEFAULT, 0, 2));

        assertThat(events).last().isInstanceOfSatisfying(RunPaused.class, p -> assertThat(p.cause()).isEqualTo("LEAD"));
        assertThat(when(new RunCommand.Resume("run-1", "apikey:o", "x", RunState.PauseCause.OPERATOR, 3)))
                .singleElement().isInstanceOf(RunCommandRejected.class);
        assertThat(when(new RunCommand.Resume("run-1", "apikey:o", "x", RunState.PauseCause.LEAD, 3))).isNotEmpty();
    }

    @Test
    void anOpenedConditionSkipsTheStepWithoutAnOpenAndSendsItAfterOne() {
        StepTemplate ifOpened = new StepTemplate("Glad", "you read it", 10, List.of(), new StepCondition.Opened(0));
        activeAt(1);
        sentAndWaiting(1, 10);
        when(new RunCommand.Elapse("run-1", 11));
        RunState unopened = state().orElseThrow();

        assertThat(RunDecider.decide(new RunCommand.Evaluate("run-1", ifOpened, CLEAR, PolicySettings.DEFAULT, 10, 11),
                Optional.of(unopened))).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("RunPolicyHeld", "RunStepSkipped", "RunStepAdvanced");

        assertThat(when(new RunCommand.RecordEngagement("run-1", 0, ExecutionContext.OPENED, 11)))
                .singleElement().isInstanceOf(RunEngagementRecorded.class);
        assertThat(when(new RunCommand.RecordEngagement("run-1", 0, ExecutionContext.OPENED, 12))).isEmpty();
        assertThat(when(new RunCommand.Evaluate("run-1", ifOpened, CLEAR, PolicySettings.DEFAULT, 10, 12))).isEmpty();
    }

    @Test
    void aNotOpenedWithinConditionHoldsOnlyOnceItsWindowPassedWithoutAnOpen() {
        StepCondition notOpened = new StepCondition.NotOpenedWithin(0, 15);
        activeAt(1);
        sentAndWaiting(1, 10);
        RunState s = state().orElseThrow();

        assertThat(notOpened.holds(ExecutionContext.of(s, 10))).isFalse();
        assertThat(notOpened.holds(ExecutionContext.of(s, 16))).isTrue();
        when(new RunCommand.RecordEngagement("run-1", 0, ExecutionContext.OPENED, 5));
        assertThat(notOpened.holds(ExecutionContext.of(state().orElseThrow(), 16))).isFalse();
    }

    @Test
    void theExecutionContextSeesOnlyEventsBeforeItsSnapshotAndNoProviderIdentifier() {
        activeAt(1);
        sentAndWaiting(1, 10);
        when(new RunCommand.RecordEngagement("run-1", 0, ExecutionContext.CLICKED, 8));

        ExecutionContext before = ExecutionContext.of(state().orElseThrow(), 7);
        ExecutionContext after = ExecutionContext.of(state().orElseThrow(), 8);

        assertThat(before.events()).isEmpty();
        assertThat(after.events()).containsExactly(new ExecutionContext.ChannelEvent("CLICKED", 0, 8));
        assertThat(after.run().stepResults().get(0).outcome()).isEqualTo("SENT");
        assertThat(after.toString()).doesNotContain("mb-1");
    }

    @Test
    void anAmbiguousSendPausesTheRunForAResolveNotAResume() {
        activeAt(1);
        SendRequested send = dispatch(1);
        when(new RunCommand.RecordFailed("run-1", send.sendId(), 0, "lost after DATA", 2, SendFailureClass.AMBIGUOUS,
                "mb-1", 0, RetryPolicy.DEFAULT));

        assertThat(when(new RunCommand.Resume("run-1", "apikey:o", "go", null, 3))).singleElement()
                .isInstanceOfSatisfying(RunCommandRejected.class, r -> assertThat(r.reason()).contains("resolve"));
        assertThat(when(new RunCommand.Resolve("run-1", RunCommand.ResolveAction.RESEND, "apikey:o", "resend", 0, 3)))
                .isNotEmpty();
    }

    @Test
    void aSecondEnrolmentIsRecordedAsRejected() {
        activeAt(1);

        assertThat(when(new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, null, 3, 0, 2))).singleElement()
                .isInstanceOfSatisfying(RunCommandRejected.class, r -> assertThat(r.command()).isEqualTo("ENROLL"));
        assertThat(history.stream().filter(RunEnrolled.class::isInstance)).hasSize(1);
    }
}
