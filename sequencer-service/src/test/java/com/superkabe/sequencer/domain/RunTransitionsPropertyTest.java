package com.superkabe.sequencer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.run.PolicyAction;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendPolicy;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.sequencer.domain.dispatch.HoldReason;
import com.superkabe.sequencer.domain.policy.PolicyGate;
import com.superkabe.sequencer.domain.policy.PolicySettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random command sequences against one run: whatever is asked in whatever order, every status change
 * the decider makes is one of {@link RunTransitions}, a rejected command changes nothing, and the run
 * never has two sends in flight.
 */
class RunTransitionsPropertyTest {

    private static final LeadSnapshot ADA = new LeadSnapshot("lead-1", "ada@example.com", "Ada", null, null, null);
    private static final StepTemplate STEP = new StepTemplate("Hi", "Hello", 0);
    private static final StepTemplate IF_OPENED = new StepTemplate("Hi", "Hello", 0, List.of(),
            new StepCondition.Opened(0));

    /** A command shape; the tick and the current send id are filled in when it is applied. */
    enum Kind {
        START, ELAPSE, DISPATCH, SENT, FAILED_TRANSIENT, FAILED_SENDER, FAILED_RECIPIENT, FAILED_AMBIGUOUS,
        FAILED_PERMANENT, REPLY, SUPPRESS, OPENED, PAUSE, RESUME, PAUSE_LEAD, RESUME_LEAD, RETRY, SKIP, STOP,
        HOLD_DEFER, HOLD_PAUSE, HOLD_FAIL, HOLD_SKIP, CONDITION, ENROLL_AGAIN
    }

    @Provide
    Arbitrary<List<Kind>> sequences() {
        return Arbitraries.of(Kind.class).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 2_000)
    void onlyLegalTransitionsEverOccur(@ForAll("sequences") List<Kind> kinds, @ForAll boolean startsActive) {
        RunState s = null;
        List<RunEvent> enrolled = RunDecider.decide(new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, null, 3, 2, 0,
                null, 1, startsActive), Optional.empty());
        for (RunEvent e : enrolled) {
            RunState next = RunDecider.evolve(s, e);
            assertThat(RunTransitions.allowed(s == null ? null : s.status(), next.status())).isTrue();
            s = next;
        }
        long tick = 0;
        for (Kind kind : kinds) {
            tick += 3;
            RunCommand command = command(kind, s, tick);
            List<RunEvent> events = RunDecider.decide(command, Optional.of(s));
            for (RunEvent e : events) {
                RunState next = RunDecider.evolve(s, e);
                assertThat(RunTransitions.allowed(s.status(), next.status()))
                        .as("%s → %s by %s after %s", s.status(), next.status(), e, kind).isTrue();
                if (e instanceof com.superkabe.events.run.RunCommandRejected) {
                    assertThat(next).isEqualTo(s);
                }
                if (e instanceof SendRequested) {
                    assertThat(s.inFlight()).as("a second send while one is in flight").isFalse();
                }
                s = next;
            }
        }
    }

    private static RunCommand command(Kind kind, RunState s, long tick) {
        String send = RunDecider.sendId("run-1", s.currentStep(), s.attempt());
        return switch (kind) {
            case START -> new RunCommand.Start("run-1", 2, tick);
            case ELAPSE -> new RunCommand.Elapse("run-1", tick);
            case DISPATCH -> new RunCommand.Dispatch("run-1", STEP, tick, null, "mb-1", "routed", null);
            case SENT -> new RunCommand.RecordSent("run-1", send, s.currentStep(), 4, tick);
            case FAILED_TRANSIENT -> failed(s, send, SendFailureClass.TRANSIENT, tick);
            case FAILED_SENDER -> failed(s, send, SendFailureClass.SENDER, tick);
            case FAILED_RECIPIENT -> failed(s, send, SendFailureClass.RECIPIENT, tick);
            case FAILED_AMBIGUOUS -> failed(s, send, SendFailureClass.AMBIGUOUS, tick);
            case FAILED_PERMANENT -> failed(s, send, SendFailureClass.PERMANENT, tick);
            case REPLY -> new RunCommand.RecordReply("run-1", "reply-" + tick, tick);
            case SUPPRESS -> new RunCommand.Suppress("run-1", new Suppression("org-1", "ada@example.com",
                    Suppression.Cause.UNSUBSCRIBED, "LINK", "run-9", "c-9", tick), tick);
            case OPENED -> new RunCommand.RecordEngagement("run-1", s.currentStep(), ExecutionContext.OPENED, tick);
            case PAUSE -> new RunCommand.Pause("run-1", "op", "why", null, tick);
            case RESUME -> new RunCommand.Resume("run-1", "op", "why", null, tick);
            case PAUSE_LEAD -> new RunCommand.Pause("run-1", "op", "why", RunState.PauseCause.LEAD, tick);
            case RESUME_LEAD -> new RunCommand.Resume("run-1", "op", "why", RunState.PauseCause.LEAD, tick);
            case RETRY -> new RunCommand.Resolve("run-1", RunCommand.ResolveAction.RESEND, "op", "why", 4, tick);
            case SKIP -> new RunCommand.Resolve("run-1", RunCommand.ResolveAction.DROP, "op", "why", 4, tick);
            case STOP -> new RunCommand.Resolve("run-1", RunCommand.ResolveAction.STOP, "op", "why", 4, tick);
            case HOLD_DEFER -> hold(HoldReason.SEND_GAP, PolicySettings.DEFAULT, tick);
            case HOLD_PAUSE -> hold(HoldReason.MAILBOX_DAILY_LIMIT,
                    new PolicySettings(Map.of(SendPolicy.CAPS_AND_RATE_LIMITS, PolicyAction.PAUSE)), tick);
            case HOLD_FAIL -> hold(HoldReason.NO_ELIGIBLE_MAILBOX,
                    new PolicySettings(Map.of(SendPolicy.MAILBOX_HEALTH, PolicyAction.FAIL)), tick);
            case HOLD_SKIP -> hold(HoldReason.YELLOW_BUDGET,
                    new PolicySettings(Map.of(SendPolicy.YELLOW_BUDGET, PolicyAction.SKIP_WITH_LOG)), tick);
            case CONDITION -> new RunCommand.Evaluate("run-1", IF_OPENED, new PolicyGate.Facts(false, true, null),
                    PolicySettings.DEFAULT, 4, tick);
            case ENROLL_AGAIN -> new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, null, 3, 0, tick);
        };
    }

    private static RunCommand failed(RunState s, String send, SendFailureClass failure, long tick) {
        return new RunCommand.RecordFailed("run-1", send, s.currentStep(), failure.name(), tick, failure, "mb-1", 0,
                RetryPolicy.DEFAULT);
    }

    private static RunCommand hold(HoldReason reason, PolicySettings settings, long tick) {
        return new RunCommand.Evaluate("run-1", STEP, new PolicyGate.Facts(false, true, reason), settings, 4, tick);
    }
}
