package com.superkabe.sequencer.domain;

import com.superkabe.events.EventIds;
import com.superkabe.events.run.PolicyAction;
import com.superkabe.events.run.RunCommandRejected;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEngagementRecorded;
import com.superkabe.events.run.RunPolicyHeld;
import com.superkabe.events.run.RunStarted;
import com.superkabe.events.run.RunStepSkipped;
import com.superkabe.events.run.RunStopped;
import com.superkabe.events.run.RunWaitElapsed;
import com.superkabe.events.run.RunWaiting;
import com.superkabe.events.run.SendPolicy;
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
import com.superkabe.sequencer.domain.policy.PolicyGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run state machine as a pure decider (seed 003, ADR 0022): only the transitions of
 * {@link RunTransitions} happen. An operator's or an outcome's command that is not valid in the run's
 * state is rejected with a reason ({@code RunCommandRejected}, which changes nothing); the clock's own
 * commands that find nothing to do (an early tick, a run no longer due) decide nothing. A suppressed
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
            return current.isPresent() ? List.of(rejected(current.get(), "ENROLL", "the lead is already enrolled in "
                    + "this campaign", "system", e.tick())) : enroll(e);
        }
        if (current.isEmpty()) {
            return List.of();
        }
        RunState s = current.get();
        return switch (command) {
            case RunCommand.Start c -> s.status() != RunStatus.PENDING ? List.of() : start(s, c.firstDelayTicks(), c.tick());
            case RunCommand.Elapse c -> s.status() == RunStatus.WAITING && c.tick() >= s.dueTick()
                    ? List.of(new RunWaitElapsed(s.orgId(), s.runId(), s.currentStep(), c.tick())) : List.of();
            case RunCommand.Dispatch d -> s.status().terminal() ? List.of() : dispatch(d, s);
            case RunCommand.Evaluate e -> evaluate(e, s);
            case RunCommand.RecordSent r -> !answersCurrentSend(s, r.step(), r.sendId())
                    ? List.of(rejected(s, "RECORD_SENT", lateOutcome(s, r.step()), "system", r.tick()))
                    : advance(s, r.tick(), r.nextDelayTicks());
            case RunCommand.RecordFailed f -> !answersCurrentSend(s, f.step(), f.sendId())
                    ? List.of(rejected(s, "RECORD_FAILED", lateOutcome(s, f.step()), "system", f.tick()))
                    : failed(f, s);
            case RunCommand.RecordReply r -> !RunTransitions.allowed(s.status(), RunStatus.REPLIED) || s.closed()
                    ? List.of(rejected(s, "RECORD_REPLY", "the run is already " + s.status(), "system", r.tick()))
                    : List.of(new RunReplied(s.orgId(), s.runId(), r.replyId(), r.tick()));
            case RunCommand.Suppress x -> !s.status().terminal() && x.suppression().covers(s)
                    ? List.of(suppressed(s, x.suppression(), x.tick())) : List.of();
            case RunCommand.RecordEngagement g -> s.status().terminal() || s.log().has(g.step(), g.kind()) ? List.of()
                    : List.of(new RunEngagementRecorded(s.orgId(), s.runId(), g.step(), g.kind(), g.tick()));
            case RunCommand.Pause p -> pause(p, s);
            case RunCommand.Resume r -> resume(r, s);
            case RunCommand.Resolve r -> resolve(r, s);
            case RunCommand.Enroll e -> List.of();
        };
    }

    private static RunCommandRejected rejected(RunState s, String command, String reason, String actor, long tick) {
        return new RunCommandRejected(s.orgId(), s.runId(), command, s.status().name(), reason, actor, tick);
    }

    private static String lateOutcome(RunState s, int step) {
        if (s.status().terminal()) {
            return "late outcome of step " + step + ": the run is already " + s.status();
        }
        return "not the send the run waits for (step " + s.currentStep() + ", attempt " + s.attempt()
                + (s.inFlight() ? "" : ", none in flight") + ")";
    }

    /** PENDING → ACTIVE, then → WAITING when the first step is a wait. */
    private static List<RunEvent> start(RunState s, long firstDelayTicks, long tick) {
        long due = saturatedAdd(tick, firstDelayTicks);
        RunStarted started = new RunStarted(s.orgId(), s.runId(), 0, due, tick);
        return due > tick ? List.of(started, new RunWaiting(s.orgId(), s.runId(), 0, due, tick)) : List.of(started);
    }

    /** Whether an outcome answers the send the run is waiting for (older attempts' outcomes do not). */
    private static boolean answersCurrentSend(RunState s, int step, String sendId) {
        return !s.status().terminal() && s.inFlight() && step == s.currentStep()
                && (sendId == null || sendId.equals(sendId(s.runId(), s.currentStep(), s.attempt())));
    }

    /**
     * The current step is done (sent, or skipped): the next one starts, as a wait when its delay has not
     * elapsed, or the run completes.
     */
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
                                + "fault): " + reason, "system", f.tick(), RunState.PauseCause.SENDER_REFUSALS.name()))
                        : List.of(new RunSendRetryScheduled(s.orgId(), s.runId(), s.currentStep(), next,
                                SendFailureClass.SENDER, f.mailboxId() != null ? f.mailboxId() : s.mailboxId(), reason,
                                due, f.tick()));
            }
            case RECIPIENT -> List.of(new RunSuppressed(s.orgId(), s.runId(), s.currentStep(),
                    Suppression.Cause.BOUNCED.name(), "hard bounce (" + reason + ")", s.runId(), f.tick()));
            case AMBIGUOUS -> List.of(new RunPaused(s.orgId(), s.runId(), s.currentStep(),
                    "send outcome unknown, not resent: " + reason, "system", f.tick(),
                    RunState.PauseCause.AMBIGUOUS_SEND.name()));
            case PERMANENT -> List.of(new RunFailed(s.orgId(), s.runId(), s.currentStep(), reason, f.tick()));
        };
    }

    /**
     * The policy gate's verdict for the due current step (ADR 0022). A hold is recorded when its
     * (policy, reason) differs from the last one recorded for the step, so a window closed all night is
     * one entry, not one per tick; then its action is applied.
     */
    private static List<RunEvent> evaluate(RunCommand.Evaluate e, RunState s) {
        if (s.status() != RunStatus.ACTIVE || s.inFlight() || e.tick() < s.dueTick()) {
            return List.of();
        }
        if (!(PolicyGate.evaluate(e.step(), ExecutionContext.of(s, e.tick()), e.facts(), e.settings())
                instanceof PolicyGate.NotAllowed n)) {
            return List.of();
        }
        List<RunEvent> events = new ArrayList<>();
        if (n.action() != PolicyAction.DEFER || !heldKey(n.policy(), n.reason()).equals(s.heldBy())) {
            events.add(new RunPolicyHeld(s.orgId(), s.runId(), s.currentStep(), n.policy(), n.reason(), n.action(),
                    e.tick()));
        }
        String why = "policy " + n.policy() + ": " + n.reason();
        switch (n.action()) {
            case DEFER -> {
            }
            case PAUSE -> events.add(new RunPaused(s.orgId(), s.runId(), s.currentStep(), why, "system", e.tick(),
                    (n.policy() == SendPolicy.LEAD_PAUSED ? RunState.PauseCause.LEAD : RunState.PauseCause.POLICY)
                            .name()));
            case FAIL -> events.add(new RunFailed(s.orgId(), s.runId(), s.currentStep(), why, e.tick()));
            case SKIP_WITH_LOG -> {
                events.add(new RunStepSkipped(s.orgId(), s.runId(), s.currentStep(), why, "system", e.tick()));
                events.addAll(advance(s, e.tick(), e.nextDelayTicks()));
            }
        }
        return events;
    }

    /** How a recorded hold is remembered, so the same hold is not recorded again at the next tick. */
    public static String heldKey(SendPolicy policy, String reason) {
        return policy + ": " + reason;
    }

    private static List<RunEvent> pause(RunCommand.Pause p, RunState s) {
        String command = p.cause() == RunState.PauseCause.LEAD ? "PAUSE_LEAD" : "PAUSE";
        if (s.status() != RunStatus.ACTIVE && s.status() != RunStatus.WAITING) {
            return List.of(rejected(s, command, s.status() == RunStatus.PAUSED ? "the run is already paused"
                    : "only an ACTIVE or WAITING run can be paused", p.actor(), p.tick()));
        }
        if (s.inFlight()) {
            return List.of(rejected(s, command, "a send is in flight; pause after its outcome", p.actor(), p.tick()));
        }
        return List.of(new RunPaused(s.orgId(), s.runId(), s.currentStep(), p.reason(), p.actor(), p.tick(),
                (p.cause() == null ? RunState.PauseCause.OPERATOR : p.cause()).name()));
    }

    /** PAUSED → ACTIVE, then → WAITING again when the step's wait is not over. */
    private static List<RunEvent> resume(RunCommand.Resume r, RunState s) {
        String command = r.onlyCause() == RunState.PauseCause.LEAD ? "RESUME_LEAD" : "RESUME";
        if (s.status() != RunStatus.PAUSED) {
            return List.of(rejected(s, command, "the run is not paused", r.actor(), r.tick()));
        }
        if (s.pauseCause() != null && s.pauseCause().needsResolve()) {
            return List.of(rejected(s, command, "paused on " + s.pauseCause() + ": resolve it (retry, skip or stop)",
                    r.actor(), r.tick()));
        }
        if (r.onlyCause() != null && s.pauseCause() != r.onlyCause()) {
            return List.of(rejected(s, command, "paused by " + s.pauseCause() + ", not by " + r.onlyCause(), r.actor(),
                    r.tick()));
        }
        long due = Math.max(s.dueTick(), r.tick());
        RunResumed resumed = new RunResumed(s.orgId(), s.runId(), s.currentStep(), "RESUME", r.actor(), r.reason(),
                due, r.tick());
        return due > r.tick() ? List.of(resumed, new RunWaiting(s.orgId(), s.runId(), s.currentStep(), due, r.tick()))
                : List.of(resumed);
    }

    private static List<RunEvent> resolve(RunCommand.Resolve r, RunState s) {
        if (!RunState.resolvable(s.status(), s.closed(), s.pauseCause())) {
            return List.of(rejected(s, "RESOLVE_" + r.action(), s.closed() ? "the run was stopped"
                    : "only a FAILED run, or one paused on an unknown send outcome or on refusals, can be resolved",
                    r.actor(), r.tick()));
        }
        return switch (r.action()) {
            case RESEND -> List.of(new RunResumed(s.orgId(), s.runId(), s.currentStep(), r.action().name(), r.actor(),
                    r.reason(), r.tick(), r.tick()));
            case DROP -> {
                List<RunEvent> events = new ArrayList<>();
                events.add(new RunResumed(s.orgId(), s.runId(), s.currentStep(), r.action().name(), r.actor(),
                        r.reason(), s.currentStep() + 1 >= s.stepCount() ? r.tick()
                                : saturatedAdd(r.tick(), r.nextDelayTicks()), r.tick()));
                events.add(new RunStepSkipped(s.orgId(), s.runId(), s.currentStep(), "skipped by " + r.actor() + ": "
                        + r.reason(), r.actor(), r.tick()));
                events.addAll(advance(s, r.tick(), r.nextDelayTicks()));
                yield events;
            }
            case STOP -> List.of(new RunStopped(s.orgId(), s.runId(), s.currentStep(), r.actor(), r.reason(),
                    r.tick()));
        };
    }

    private static List<RunEvent> enroll(RunCommand.Enroll e) {
        long due = saturatedAdd(e.tick(), e.firstDelayTicks());
        RunEnrolled enrolled = new RunEnrolled(e.orgId(), e.runId(), e.campaignId(), e.lead(), e.mailboxId(),
                e.stepCount(), due, e.tick(), e.campaignVersion());
        RunState s = evolve(null, enrolled);
        List<RunEvent> events = new ArrayList<>();
        events.add(enrolled);
        if (e.suppressed() != null && e.suppressed().covers(s)) {
            events.add(suppressed(s, e.suppressed(), e.tick()));
        } else if (e.start()) {
            events.addAll(start(s, e.firstDelayTicks(), e.tick()));
        }
        return events;
    }

    private static RunSuppressed suppressed(RunState s, Suppression suppression, long tick) {
        return new RunSuppressed(s.orgId(), s.runId(), s.currentStep(), suppression.cause().name(),
                suppression.reasonFor(s), suppression.sourceRunId(), tick);
    }

    private static List<RunEvent> dispatch(RunCommand.Dispatch d, RunState s) {
        if (s.inFlight() || s.status() != RunStatus.ACTIVE || d.tick() < s.dueTick()) {
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
                    e.stepCount(), 0, e.dueTick(), RunStatus.PENDING, false, 0, -1, null, -1, null, null,
                    e.campaignVersion() == null ? 1 : e.campaignVersion(), -1, null, false, false, RunLog.EMPTY);
            case RunStarted st -> {
                RunState.Copy c = s.copy();
                c.status = RunStatus.ACTIVE;
                c.dueTick = st.dueTick();
                c.startedTick = st.tick();
                yield c.build();
            }
            case RunWaiting w -> {
                RunState.Copy c = s.copy();
                c.status = RunStatus.WAITING;
                c.dueTick = w.dueTick();
                yield c.build();
            }
            case RunWaitElapsed w -> s.withStatus(RunStatus.ACTIVE);
            case SendRequested r -> s.sending(r.mailboxId());
            case RunMailboxAssigned a -> s.withMailbox(a.toMailboxId());
            case RunStepAdvanced a -> withResult(s, s.currentStep(), a.tick())
                    .advancedTo(a.nextStep(), a.dueTick(), a.dueTick() > a.tick() ? RunStatus.WAITING : RunStatus.ACTIVE);
            case RunSendRetryScheduled r -> r.failureClass() == SendFailureClass.SENDER
                    ? s.rerouting(r.attempt(), r.dueTick(), r.tick(), r.mailboxId())
                    : s.retrying(r.attempt(), r.dueTick(), r.tick(), s.avoidMailboxId(), s.avoidSinceTick());
            case RunPaused p -> s.paused(p.reason(), pauseCause(p));
            case RunResumed r -> resumed(s, r);
            case RunCompleted c -> withResult(s, s.currentStep(), c.tick()).withStatus(RunStatus.COMPLETED);
            case RunReplied r -> s.withStatus(RunStatus.REPLIED);
            case RunFailed f -> s.withStatus(RunStatus.FAILED);
            case RunStopped x -> {
                RunState.Copy c = s.withStatus(RunStatus.FAILED).copy();
                c.closed = true;
                yield c.build();
            }
            case RunSuppressed x -> s.withStatus(Suppression.Cause.BOUNCED.name().equals(x.cause()) ? RunStatus.BOUNCED
                    : RunStatus.UNSUBSCRIBED);
            case RunCommandRejected x -> s;
            case RunPolicyHeld h -> {
                RunState.Copy c = s.copy();
                c.heldBy = heldKey(h.policy(), h.reason());
                yield c.build();
            }
            case RunStepSkipped k -> {
                RunState.Copy c = s.copy();
                c.log = s.log().withResult(new ExecutionContext.StepResult(k.step(), ExecutionContext.StepResult.SKIPPED,
                        k.tick(), k.reason()));
                yield c.build();
            }
            case RunEngagementRecorded g -> {
                RunState.Copy c = s.copy();
                c.log = s.log().withEvent(new ExecutionContext.ChannelEvent(g.kind(), g.step(), g.tick()));
                yield c.build();
            }
        };
    }

    /** A step that was not recorded as skipped was sent: its result, for the execution context. */
    private static RunState withResult(RunState s, int step, long tick) {
        RunState.Copy c = s.copy();
        c.log = s.log().withResult(new ExecutionContext.StepResult(step, ExecutionContext.StepResult.SENT, tick, null));
        return c.build();
    }

    /**
     * RESEND: the current step again as a new attempt (from FAILED with a fresh retry horizon); DROP: the
     * skip and the next step follow as their own events; RESUME: where it paused, with a new attempt if
     * the paused one had already been sent.
     */
    private static RunState resumed(RunState s, RunResumed r) {
        return switch (r.action()) {
            case "RESEND" -> {
                RunState base = s;
                if (s.status() == RunStatus.FAILED) {
                    RunState.Copy c = s.copy();
                    c.firstFailureTick = -1;
                    base = c.build();
                }
                yield base.retrying(s.attempt() + 1, r.dueTick(), base.firstFailureTick() < 0 ? r.tick()
                        : base.firstFailureTick(), s.avoidMailboxId(), s.avoidSinceTick());
            }
            case "RESUME" -> {
                RunState.Copy c = s.withStatus(RunStatus.ACTIVE).copy();
                c.dueTick = r.dueTick();
                c.heldBy = null;
                if (s.attemptSpent()) {
                    c.attempt = s.attempt() + 1;
                    c.attemptSpent = false;
                }
                yield c.build();
            }
            default -> s.withStatus(RunStatus.ACTIVE);
        };
    }

    /** The pause's cause; events from before causes were recorded say it only in their reason. */
    private static RunState.PauseCause pauseCause(RunPaused p) {
        if (p.cause() != null) {
            return RunState.PauseCause.valueOf(p.cause());
        }
        if (!"system".equals(p.actor())) {
            return RunState.PauseCause.OPERATOR;
        }
        return p.reason().startsWith("no mailbox accepted") ? RunState.PauseCause.SENDER_REFUSALS
                : RunState.PauseCause.AMBIGUOUS_SEND;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
