package com.superkabe.sequencer.domain;

import com.superkabe.events.EventIds;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunMailboxAssigned;
import com.superkabe.events.run.RunPaused;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.run.RunResumed;
import com.superkabe.events.run.RunSendRetryScheduled;
import com.superkabe.events.run.RunStepAdvanced;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.SendFailureClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run state machine as a pure decider. A command that is not valid in the run's state decides
 * nothing (an empty list): redelivered outcomes, outcomes of an earlier attempt, late replies and
 * early ticks are no-ops, and no transition is ever skipped or applied out of order. A suppressed
 * recipient (unsubscribed or hard-bounced anywhere in the organization) ends the run from any
 * non-terminal state, and is checked again at enrolment and right before a send is requested.
 * A failed send is handled by its class (ADR 0019): retried on the logical clock, rerouted, bounced,
 * paused for an operator, or failed.
 */
public final class RunDecider {

    private RunDecider() {
    }

    /** The first send of (run, step), fixed before any side effect so a send is never made twice. */
    public static String sendId(String runId, int step) {
        return EventIds.derive("send/" + runId + "/" + step);
    }

    /** The send of (run, step, attempt): attempt 0 keeps the original id, each retry gets its own. */
    public static String sendId(String runId, int step, int attempt) {
        return attempt == 0 ? sendId(runId, step) : EventIds.derive("send/" + runId + "/" + step + "/" + attempt);
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
            case RunCommand.RecordSent r -> !answersCurrentSend(s, r.step(), r.sendId()) ? List.of()
                    : advance(s, r.tick(), r.nextDelayTicks());
            case RunCommand.RecordFailed f -> !answersCurrentSend(s, f.step(), f.sendId()) ? List.of() : failed(f, s);
            case RunCommand.RecordReply r -> List.of(new RunReplied(s.orgId(), s.runId(), r.replyId(), r.tick()));
            case RunCommand.Suppress x -> x.suppression().covers(s) ? List.of(suppressed(s, x.suppression(), x.tick()))
                    : List.of();
            case RunCommand.Resolve r -> resolve(r, s);
            case RunCommand.Enroll e -> List.of();
        };
    }

    /** Whether an outcome answers the send the run is waiting for (older attempts' outcomes do not). */
    private static boolean answersCurrentSend(RunState s, int step, String sendId) {
        return s.inFlight() && step == s.currentStep()
                && (sendId == null || sendId.equals(sendId(s.runId(), s.currentStep(), s.attempt())));
    }

    private static List<RunEvent> advance(RunState s, long tick, long nextDelayTicks) {
        return s.currentStep() + 1 >= s.stepCount() ? List.of(new RunCompleted(s.orgId(), s.runId(), tick))
                : List.of(new RunStepAdvanced(s.orgId(), s.runId(), s.currentStep() + 1,
                        saturatedAdd(tick, nextDelayTicks), tick));
    }

    private static List<RunEvent> failed(RunCommand.RecordFailed f, RunState s) {
        int next = s.attempt() + 1;
        String reason = f.reason() == null || f.reason().isBlank() ? f.failureClass().name() : f.reason();
        return switch (f.failureClass()) {
            case TRANSIENT -> {
                long first = s.firstFailureTick() < 0 ? f.tick() : s.firstFailureTick();
                long due = saturatedAdd(f.tick(), f.policy().delayTicks(s.runId(), s.currentStep(), next,
                        f.retryAfterSeconds()));
                yield f.policy().exhausted(first, due)
                        ? List.of(new RunFailed(s.orgId(), s.runId(), s.currentStep(), "gave up after " + next
                                + " attempts over " + (f.tick() - first) + " ticks: " + reason, f.tick()))
                        : List.of(new RunSendRetryScheduled(s.orgId(), s.runId(), s.currentStep(), next,
                                SendFailureClass.TRANSIENT, f.mailboxId(), reason, due, f.tick()));
            }
            // not the lead's fault: back to routing at once, then with the backoff if it keeps happening;
            // when no mailbox has taken the step within the give-up horizon, an operator must look
            case SENDER -> {
                long first = s.firstFailureTick() < 0 ? f.tick() : s.firstFailureTick();
                long due = next <= 1 ? f.tick() : saturatedAdd(f.tick(), f.policy().delayTicks(s.runId(),
                        s.currentStep(), next - 1, f.retryAfterSeconds()));
                yield f.policy().exhausted(first, due)
                        ? List.of(new RunPaused(s.orgId(), s.runId(), s.currentStep(), "no mailbox accepted the step "
                                + "for " + (f.tick() - first) + " ticks (" + next + " attempts refused for the sender's "
                                + "fault): " + reason, "system", f.tick()))
                        : List.of(new RunSendRetryScheduled(s.orgId(), s.runId(), s.currentStep(), next,
                                SendFailureClass.SENDER, f.mailboxId() != null ? f.mailboxId() : s.mailboxId(), reason,
                                due, f.tick()));
            }
            case RECIPIENT -> List.of(new RunSuppressed(s.orgId(), s.runId(), s.currentStep(),
                    Suppression.Cause.BOUNCED.name(), "hard bounce (" + reason + ")", s.runId(), f.tick()));
            case AMBIGUOUS -> List.of(new RunPaused(s.orgId(), s.runId(), s.currentStep(),
                    "send outcome unknown, not resent: " + reason, "system", f.tick()));
            case PERMANENT -> List.of(new RunFailed(s.orgId(), s.runId(), s.currentStep(), reason, f.tick()));
        };
    }

    private static List<RunEvent> resolve(RunCommand.Resolve r, RunState s) {
        if (s.status() != RunStatus.PAUSED) {
            return List.of();
        }
        return switch (r.action()) {
            case RESEND -> List.of(new RunResumed(s.orgId(), s.runId(), s.currentStep(), r.action().name(), r.actor(),
                    r.reason(), r.tick(), r.tick()));
            case DROP -> {
                List<RunEvent> events = new ArrayList<>();
                events.add(new RunResumed(s.orgId(), s.runId(), s.currentStep(), r.action().name(), r.actor(),
                        r.reason(), s.currentStep() + 1 >= s.stepCount() ? r.tick()
                                : saturatedAdd(r.tick(), r.nextDelayTicks()), r.tick()));
                events.addAll(advance(s, r.tick(), r.nextDelayTicks()));
                yield events;
            }
            case STOP -> List.of(new RunFailed(s.orgId(), s.runId(), s.currentStep(), "stopped by " + r.actor() + ": "
                    + r.reason(), r.tick()));
        };
    }

    private static List<RunEvent> enroll(RunCommand.Enroll e) {
        RunEnrolled enrolled = new RunEnrolled(e.orgId(), e.runId(), e.campaignId(), e.lead(), e.mailboxId(),
                e.stepCount(), saturatedAdd(e.tick(), e.firstDelayTicks()), e.tick());
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
        String mailbox = d.mailboxId() != null ? d.mailboxId() : s.mailboxId();
        if (mailbox == null) {
            return List.of(); // nothing to send from: routing found no mailbox
        }
        List<RunEvent> events = new ArrayList<>(2);
        if (!mailbox.equals(s.mailboxId())) {
            // a run sent back to routing by a refusal moves from the mailbox that refused it
            String from = s.mailboxId() != null ? s.mailboxId() : s.avoidMailboxId();
            events.add(new RunMailboxAssigned(s.orgId(), s.runId(), from, mailbox,
                    d.routingReason() == null ? "routed" : d.routingReason(), d.tick()));
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
            RunCommand.SendExtras x = d.extras();
            events.add(new SendRequested(s.orgId(), s.runId(), sendId(s.runId(), s.currentStep(), s.attempt()),
                    s.campaignId(), s.lead().leadId(), mailbox, s.currentStep(), s.lead().email(), toName, subject,
                    body, d.tick(), x.mailingAddress(), x.euComplianceMode() ? Boolean.TRUE : null,
                    s.attempt() == 0 ? null : s.attempt(), x.batchId()));
            return events;
        } catch (Templates.MissingToken | IllegalArgumentException ex) { // incl. Spintax.Malformed: fail closed
            return List.of(new RunFailed(s.orgId(), s.runId(), s.currentStep(), ex.getMessage(), d.tick()));
        }
    }

    public static RunState evolve(RunState s, RunEvent event) {
        return switch (event) {
            case RunEnrolled e -> new RunState(e.orgId(), e.runId(), e.campaignId(), e.lead(), e.mailboxId(),
                    e.stepCount(), 0, e.dueTick(), RunStatus.ACTIVE, false);
            case SendRequested r -> s.sending(r.mailboxId());
            case RunMailboxAssigned a -> s.withMailbox(a.toMailboxId());
            case RunStepAdvanced a -> s.advancedTo(a.nextStep(), a.dueTick());
            case RunSendRetryScheduled r -> r.failureClass() == SendFailureClass.SENDER
                    ? s.rerouting(r.attempt(), r.dueTick(), r.tick(), r.mailboxId())
                    : s.retrying(r.attempt(), r.dueTick(), r.tick(), s.avoidMailboxId(), s.avoidSinceTick());
            case RunPaused p -> s.paused(p.reason());
            case RunResumed r -> "RESEND".equals(r.action())
                    ? s.retrying(s.attempt() + 1, r.dueTick(), s.firstFailureTick() < 0 ? r.tick() : s.firstFailureTick(),
                            s.avoidMailboxId(), s.avoidSinceTick())
                    : s.withStatus(RunStatus.ACTIVE);
            case RunCompleted c -> s.withStatus(RunStatus.COMPLETED);
            case RunReplied r -> s.withStatus(RunStatus.REPLIED);
            case RunFailed f -> s.withStatus(RunStatus.FAILED);
            case RunSuppressed x -> s.withStatus(Suppression.Cause.BOUNCED.name().equals(x.cause()) ? RunStatus.BOUNCED
                    : RunStatus.UNSUBSCRIBED);
        };
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
