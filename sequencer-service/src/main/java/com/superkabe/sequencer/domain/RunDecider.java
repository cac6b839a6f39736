package com.superkabe.sequencer.domain;

import com.superkabe.events.EventIds;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.run.RunStepAdvanced;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.events.run.SendRequested;
import java.util.List;
import java.util.Optional;

/**
 * The run state machine as a pure decider. A command that is not valid in the run's state decides
 * nothing (an empty list): redelivered outcomes, late replies and early ticks are no-ops, and no
 * transition is ever skipped or applied out of order. A suppressed recipient (unsubscribed or
 * hard-bounced anywhere in the organization) ends the run from any non-terminal state, and is
 * checked again at enrolment and right before a send is requested.
 */
public final class RunDecider {

    private RunDecider() {
    }

    /** The send of (run, step), fixed before any side effect so a send is never made twice. */
    public static String sendId(String runId, int step) {
        return EventIds.derive("send/" + runId + "/" + step);
    }

    public static List<RunEvent> decide(RunCommand command, Optional<RunState> current) {
        if (command instanceof RunCommand.Enroll e) {
            return current.isPresent() ? List.of() : enroll(e);
        }
        if (current.isEmpty() || current.get().status().terminal()) {
            return List.of();
        }
        RunState s = current.get();
        return switch (command) {
            case RunCommand.Dispatch d -> dispatch(d, s);
            case RunCommand.RecordSent r -> r.step() != s.currentStep() || !s.inFlight() ? List.of()
                    : r.step() + 1 >= s.stepCount() ? List.of(new RunCompleted(s.orgId(), s.runId(), r.tick()))
                    : List.of(new RunStepAdvanced(s.orgId(), s.runId(), r.step() + 1, r.tick() + r.nextDelayTicks(),
                            r.tick()));
            case RunCommand.RecordFailed f -> f.step() != s.currentStep() || !s.inFlight() ? List.of()
                    : List.of(new RunFailed(s.orgId(), s.runId(), f.step(), f.reason(), f.tick()));
            case RunCommand.RecordReply r -> List.of(new RunReplied(s.orgId(), s.runId(), r.replyId(), r.tick()));
            case RunCommand.Suppress x -> x.suppression().covers(s) ? List.of(suppressed(s, x.suppression(), x.tick()))
                    : List.of();
            case RunCommand.Enroll e -> List.of();
        };
    }

    private static List<RunEvent> enroll(RunCommand.Enroll e) {
        RunEnrolled enrolled = new RunEnrolled(e.orgId(), e.runId(), e.campaignId(), e.lead(), e.mailboxId(),
                e.stepCount(), e.tick() + e.firstDelayTicks(), e.tick());
        RunState s = evolve(null, enrolled);
        return e.suppressed() != null && e.suppressed().covers(s)
                ? List.of(enrolled, suppressed(s, e.suppressed(), e.tick())) : List.of(enrolled);
    }

    private static RunSuppressed suppressed(RunState s, Suppression suppression, long tick) {
        return new RunSuppressed(s.orgId(), s.runId(), s.currentStep(), suppression.cause().name(),
                suppression.reasonFor(s), suppression.sourceRunId(), tick);
    }

    private static List<RunEvent> dispatch(RunCommand.Dispatch d, RunState s) {
        if (s.inFlight() || s.status() == RunStatus.PAUSED || d.tick() < s.dueTick()) {
            return List.of();
        }
        if (d.suppressed() != null && d.suppressed().covers(s)) {
            return List.of(suppressed(s, d.suppressed(), d.tick()));
        }
        try {
            // spintax first, then tokens: a lead value is never spun, and its braces stay text
            int variant = d.step().variantFor(s.runId(), s.currentStep());
            String seed = s.runId() + "/" + s.currentStep();
            String subject = Templates.render(Spintax.spin(d.step().subjectOf(variant), seed + "/subject"), s.lead(),
                    false);
            String body = Templates.render(Spintax.spin(d.step().bodyOf(variant), seed + "/body"), s.lead());
            String toName = String.join(" ", java.util.stream.Stream.of(s.lead().firstName(), s.lead().lastName())
                    .filter(n -> n != null && !n.isBlank()).toList());
            return List.of(new SendRequested(s.orgId(), s.runId(), sendId(s.runId(), s.currentStep()), s.campaignId(),
                    s.lead().leadId(), s.mailboxId(), s.currentStep(), s.lead().email(), toName, subject, body,
                    d.tick()));
        } catch (Templates.MissingToken | IllegalArgumentException ex) { // incl. Spintax.Malformed: fail closed
            return List.of(new RunFailed(s.orgId(), s.runId(), s.currentStep(), ex.getMessage(), d.tick()));
        }
    }

    public static RunState evolve(RunState s, RunEvent event) {
        return switch (event) {
            case RunEnrolled e -> new RunState(e.orgId(), e.runId(), e.campaignId(), e.lead(), e.mailboxId(),
                    e.stepCount(), 0, e.dueTick(), RunStatus.ACTIVE, false);
            case SendRequested r -> new RunState(s.orgId(), s.runId(), s.campaignId(), s.lead(), s.mailboxId(),
                    s.stepCount(), s.currentStep(), s.dueTick(), RunStatus.ACTIVE, true);
            case RunStepAdvanced a -> new RunState(s.orgId(), s.runId(), s.campaignId(), s.lead(), s.mailboxId(),
                    s.stepCount(), a.nextStep(), a.dueTick(), RunStatus.WAITING, false);
            case RunCompleted c -> s.withStatus(RunStatus.COMPLETED);
            case RunReplied r -> s.withStatus(RunStatus.REPLIED);
            case RunFailed f -> s.withStatus(RunStatus.FAILED);
            case RunSuppressed x -> s.withStatus(Suppression.Cause.BOUNCED.name().equals(x.cause()) ? RunStatus.BOUNCED
                    : RunStatus.UNSUBSCRIBED);
        };
    }
}
