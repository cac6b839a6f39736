package com.superkabe.sequencer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunMailboxAssigned;
import com.superkabe.events.run.RunPaused;
import com.superkabe.events.run.RunResumed;
import com.superkabe.events.run.RunSendRetryScheduled;
import com.superkabe.events.run.RunStepAdvanced;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.SendFailureClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Given a run whose send failed, when the failure's class is known, then the run is handled by whose fault it was. */
class RunFailureClassesTest {

    private static final LeadSnapshot ADA = new LeadSnapshot("lead-1", "ada@example.com", "Ada", null, null, null);
    private static final StepTemplate STEP = new StepTemplate("Hi {{firstName}}", "Hello", 0);
    private static final RetryPolicy POLICY = RetryPolicy.DEFAULT;

    private final List<RunEvent> history = new ArrayList<>();

    private Optional<RunState> state() {
        RunState s = null;
        for (RunEvent e : history) {
            s = RunDecider.evolve(s, e);
        }
        return Optional.ofNullable(s);
    }

    private List<RunEvent> when(RunCommand command) {
        List<RunEvent> events = RunDecider.decide(command, state());
        history.addAll(events);
        return events;
    }

    private SendRequested dispatchAt(long tick, String mailbox) {
        return when(new RunCommand.Dispatch("run-1", STEP, tick, null, mailbox, "routed", null)).stream()
                .filter(SendRequested.class::isInstance).map(SendRequested.class::cast).findFirst().orElseThrow();
    }

    private List<RunEvent> failed(SendRequested send, SendFailureClass failure, long tick, long retryAfterSeconds) {
        return when(new RunCommand.RecordFailed("run-1", send.sendId(), send.step(), failure + " detail", tick, failure,
                send.mailboxId(), retryAfterSeconds, POLICY));
    }

    private void enrolled() {
        history.add(new RunEnrolled("org-1", "run-1", "c-1", ADA, null, 2, 0, 0));
        history.add(new com.superkabe.events.run.RunStarted("org-1", "run-1", 0, 0, 0));
    }

    @Test
    void aGreylistingDeferralIsRetriedAfterTheBackoffWithANewSendIdAndThenDelivered() {
        enrolled();
        SendRequested first = dispatchAt(1, "mb-1");

        List<RunEvent> events = failed(first, SendFailureClass.TRANSIENT, 2, 0);

        RunSendRetryScheduled retry = (RunSendRetryScheduled) events.getFirst();
        long wait = POLICY.delayTicks("run-1", 0, 1, 0);
        assertThat(wait).isBetween(15L, 18L);
        assertThat(retry.dueTick()).isEqualTo(2 + wait);
        assertThat(state().orElseThrow().status()).isEqualTo(RunStatus.ACTIVE);
        assertThat(when(new RunCommand.Dispatch("run-1", STEP, retry.dueTick() - 1, null, "mb-1", null, null)))
                .as("not before the backoff").isEmpty();
        SendRequested second = dispatchAt(retry.dueTick(), "mb-1");
        assertThat(second.sendId()).isNotEqualTo(first.sendId()).isEqualTo(RunDecider.sendId("run-1", 0, 1));
        assertThat(second.attemptNo()).isEqualTo(1);
        assertThat(when(new RunCommand.RecordSent("run-1", second.sendId(), 0, 60, retry.dueTick() + 1)))
                .singleElement().isInstanceOf(RunStepAdvanced.class);
    }

    @Test
    void anOutcomeOfAnEarlierAttemptIsIgnored() {
        enrolled();
        SendRequested first = dispatchAt(1, "mb-1");
        RunSendRetryScheduled retry = (RunSendRetryScheduled) failed(first, SendFailureClass.TRANSIENT, 2, 0).getFirst();
        dispatchAt(retry.dueTick(), "mb-1");

        assertThat(when(new RunCommand.RecordSent("run-1", first.sendId(), 0, 60, retry.dueTick() + 1)))
                .singleElement().isInstanceOf(com.superkabe.events.run.RunCommandRejected.class);
        assertThat(state().orElseThrow().inFlight()).isTrue();
    }

    @Test
    void theBackoffDoublesUpToItsCeilingAndHonoursALongerRetryAfter() {
        assertThat(POLICY.delayTicks("r", 0, 1, 0)).isBetween(15L, 18L);
        assertThat(POLICY.delayTicks("r", 0, 2, 0)).isBetween(30L, 36L);
        assertThat(POLICY.delayTicks("r", 0, 3, 0)).isBetween(60L, 72L);
        assertThat(POLICY.delayTicks("r", 0, 9, 0)).isBetween(240L, 288L);
        assertThat(POLICY.delayTicks("r", 0, 1, 3_600)).as("Retry-After of an hour").isEqualTo(60L);
        assertThat(POLICY.delayTicks("r", 0, 1, 0)).as("deterministic").isEqualTo(POLICY.delayTicks("r", 0, 1, 0));
    }

    @Test
    void transientFailuresFailTheRunOnlyOnceTheGiveUpHorizonIsPassed() {
        enrolled();
        long tick = 1;
        RunEvent last = null;
        for (int i = 0; i < 40 && !(last instanceof RunFailed); i++) {
            SendRequested send = dispatchAt(tick, "mb-1");
            last = failed(send, SendFailureClass.TRANSIENT, tick, 0).getFirst();
            if (last instanceof RunSendRetryScheduled r) {
                assertThat(r.dueTick() - 1).as("retries stay within 72 h of the first failure")
                        .isLessThanOrEqualTo(1 + POLICY.giveUpTicks());
                tick = r.dueTick();
            }
        }
        assertThat(last).isInstanceOfSatisfying(RunFailed.class, f -> assertThat(f.reason()).startsWith("gave up after"));
        assertThat(state().orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aSenderSideRefusalNeitherFailsNorSuppressesTheRunButReroutesItAwayFromTheRefusingMailbox() {
        enrolled();
        SendRequested first = dispatchAt(1, "mb-1");

        RunSendRetryScheduled retry = (RunSendRetryScheduled) failed(first, SendFailureClass.SENDER, 2, 0).getFirst();

        assertThat(retry.failureClass()).isEqualTo(SendFailureClass.SENDER);
        assertThat(retry.dueTick()).isEqualTo(2);
        RunState s = state().orElseThrow();
        assertThat(s.status()).isEqualTo(RunStatus.ACTIVE);
        assertThat(RunView.project(s).avoids("mb-1", 3, 1440)).isTrue();
        assertThat(RunView.project(s).avoids("mb-2", 3, 1440)).isFalse();
        List<RunEvent> next = when(new RunCommand.Dispatch("run-1", STEP, 3, null, "mb-2", "moved: mb-1 refused", null));
        assertThat(next.getFirst()).isEqualTo(new RunMailboxAssigned("org-1", "run-1", "mb-1", "mb-2",
                "moved: mb-1 refused", 3));
        assertThat(next.get(1)).isInstanceOfSatisfying(SendRequested.class,
                r -> assertThat(r.mailboxId()).isEqualTo("mb-2"));
    }

    @Test
    void whenNoMailboxAcceptsTheStepWithinTheGiveUpHorizonTheRunPausesForAnOperatorInsteadOfLooping() {
        enrolled();
        long tick = 1;
        RunEvent last = null;
        for (int i = 0; i < 60 && !(last instanceof RunPaused); i++) {
            SendRequested send = dispatchAt(tick, i % 2 == 0 ? "mb-1" : "mb-2");
            last = failed(send, SendFailureClass.SENDER, tick, 0).getFirst();
            if (last instanceof RunSendRetryScheduled r) {
                tick = Math.max(r.dueTick(), tick + 1);
            }
        }
        assertThat(last).isInstanceOfSatisfying(RunPaused.class,
                p -> assertThat(p.reason()).startsWith("no mailbox accepted the step"));
        assertThat(state().orElseThrow().status()).isEqualTo(RunStatus.PAUSED);
    }

    @Test
    void aRecipientHardFailureEndsTheRunAsBouncedNotFailed() {
        enrolled();
        SendRequested first = dispatchAt(1, "mb-1");

        assertThat(failed(first, SendFailureClass.RECIPIENT, 2, 0)).singleElement()
                .isInstanceOfSatisfying(RunSuppressed.class, x -> assertThat(x.cause()).isEqualTo("BOUNCED"));
        assertThat(state().orElseThrow().status()).isEqualTo(RunStatus.BOUNCED);
    }

    @Test
    void anAmbiguousSendPausesTheRunAndIsNeverResentWithoutAnOperator() {
        enrolled();
        SendRequested first = dispatchAt(1, "mb-1");

        assertThat(failed(first, SendFailureClass.AMBIGUOUS, 2, 0)).singleElement().isInstanceOf(RunPaused.class);
        assertThat(state().orElseThrow().status()).isEqualTo(RunStatus.PAUSED);
        assertThat(when(new RunCommand.Dispatch("run-1", STEP, 100, null, "mb-1", null, null))).isEmpty();
        assertThat(RunView.project(state().orElseThrow()).dispatchable(100)).isFalse();
    }

    @Test
    void anOperatorsResendOfAnAmbiguousSendSendsItAgainWithANewSendId() {
        enrolled();
        SendRequested first = dispatchAt(1, "mb-1");
        failed(first, SendFailureClass.AMBIGUOUS, 2, 0);

        assertThat(when(new RunCommand.Resolve("run-1", RunCommand.ResolveAction.RESEND, "apikey:org-1",
                "not in the Sent folder", 60, 5))).singleElement().isInstanceOf(RunResumed.class);

        SendRequested again = dispatchAt(5, "mb-1");
        assertThat(again.sendId()).isNotEqualTo(first.sendId());
    }

    @Test
    void anOperatorsDropCountsTheStepAsDoneAndWaitsForTheNextOne() {
        enrolled();
        SendRequested first = dispatchAt(1, "mb-1");
        failed(first, SendFailureClass.AMBIGUOUS, 2, 0);

        List<RunEvent> events = when(new RunCommand.Resolve("run-1", RunCommand.ResolveAction.DROP, "apikey:org-1",
                "found it in the recipient's inbox", 60, 5));

        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isInstanceOf(com.superkabe.events.run.RunStepSkipped.class);
        assertThat(events.get(2)).isEqualTo(new RunStepAdvanced("org-1", "run-1", 1, 65, 5));
        assertThat(state().orElseThrow().status()).isEqualTo(RunStatus.WAITING);
    }

    @Test
    void resolvingARunThatIsNotPausedIsRejectedAndChangesNothing() {
        enrolled();
        dispatchAt(1, "mb-1");
        RunState before = state().orElseThrow();

        assertThat(when(new RunCommand.Resolve("run-1", RunCommand.ResolveAction.RESEND, "op", "why", 0, 2)))
                .singleElement().isInstanceOf(com.superkabe.events.run.RunCommandRejected.class);
        assertThat(state().orElseThrow()).isEqualTo(before);
    }

    @Test
    void aPermanentFailureOfTheMessageFailsTheRun() {
        enrolled();
        SendRequested first = dispatchAt(1, "mb-1");

        assertThat(failed(first, SendFailureClass.PERMANENT, 2, 0)).singleElement().isInstanceOf(RunFailed.class);
    }

    @Test
    void aDelayNearTheLongRangeSaturatesInsteadOfOverflowingIntoTheePast() {
        history.add(new RunEnrolled("org-1", "run-1", "c-1", ADA, null, 2, Long.MAX_VALUE, 0));

        assertThat(state().orElseThrow().dueTick()).isEqualTo(Long.MAX_VALUE);
        assertThat(RunDecider.decide(new RunCommand.Enroll("org-1", "run-2", "c-1", ADA, null, 2, Long.MAX_VALUE, 10),
                Optional.empty()).getFirst()).isInstanceOfSatisfying(RunEnrolled.class,
                        e -> assertThat(e.dueTick()).isEqualTo(Long.MAX_VALUE));
    }
}
