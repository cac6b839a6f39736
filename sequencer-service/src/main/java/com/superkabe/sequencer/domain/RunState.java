package com.superkabe.sequencer.domain;

import com.superkabe.events.gate.LeadSnapshot;

/**
 * Everything a run's decisions depend on. {@code mailboxId}: the sticky sending mailbox, null until
 * routing first assigns one. {@code inFlight}: the current step's send awaits its outcome.
 * {@code attempt}: the current step's attempt (0 first, counting retries and reroutes);
 * {@code attemptSpent}: that attempt's send was requested, so sending again needs a new attempt.
 * {@code firstFailureTick}: when the current step first failed (-1: it has not), which bounds retries.
 * {@code avoidMailboxId}/{@code avoidSinceTick}: the mailbox that refused the current step for the
 * sender's fault, and when. {@code pauseReason}/{@code pauseCause}: why the run is PAUSED
 * ({@link PauseCause}). {@code campaignVersion}: the campaign version the run keeps. {@code startedTick}:
 * when it left PENDING (-1: not yet). {@code heldBy}: the policy and reason last recorded as holding the
 * current step (so a hold is recorded once, not at every tick). {@code closed}: an operator stopped the
 * FAILED run for good. {@code log}: the results and channel events of its execution context.
 */
public record RunState(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId,
                       int stepCount, int currentStep, long dueTick, RunStatus status, boolean inFlight,
                       int attempt, long firstFailureTick, String avoidMailboxId, long avoidSinceTick,
                       String pauseReason, PauseCause pauseCause, int campaignVersion, long startedTick,
                       String heldBy, boolean closed, boolean attemptSpent, RunLog log) {

    /** Why a run is PAUSED: what may continue it (RESUME for the first three, a resolve for the last two). */
    public enum PauseCause {
        OPERATOR, LEAD, POLICY, AMBIGUOUS_SEND, SENDER_REFUSALS;

        public boolean needsResolve() {
            return this == AMBIGUOUS_SEND || this == SENDER_REFUSALS;
        }
    }

    public RunState {
        log = log == null ? RunLog.EMPTY : log;
        campaignVersion = Math.max(campaignVersion, 1);
    }

    public RunState(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId,
                    int stepCount, int currentStep, long dueTick, RunStatus status, boolean inFlight) {
        this(orgId, runId, campaignId, lead, mailboxId, stepCount, currentStep, dueTick, status, inFlight, 0, -1,
                null, -1, null, null, 1, status == RunStatus.PENDING ? -1 : 0, null, false, inFlight, RunLog.EMPTY);
    }

    /** The one rule for what a resolve applies to: the decider and the API's read-model check both ask it. */
    static boolean resolvable(RunStatus status, boolean closed, PauseCause cause) {
        return status == RunStatus.FAILED && !closed
                || status == RunStatus.PAUSED && cause != null && cause.needsResolve();
    }

    /** A copy to change a few fields of; records have no withers. */
    Copy copy() {
        return new Copy(this);
    }

    public RunState withStatus(RunStatus next) {
        Copy c = copy();
        c.status = next;
        if (next != RunStatus.PAUSED) {
            c.pauseReason = null;
            c.pauseCause = null;
        }
        if (next.terminal()) {
            c.inFlight = false;
        }
        return c.build();
    }

    RunState sending(String mailbox) {
        Copy c = copy();
        c.mailboxId = mailbox;
        c.status = RunStatus.ACTIVE;
        c.inFlight = true;
        c.attemptSpent = true;
        c.heldBy = null;
        c.pauseReason = null;
        c.pauseCause = null;
        return c.build();
    }

    RunState withMailbox(String mailbox) {
        Copy c = copy();
        c.mailboxId = mailbox;
        return c.build();
    }

    /** The next step is due at {@code due}: a new step starts with no attempts, no failures and no hold. */
    RunState advancedTo(int step, long due, RunStatus next) {
        Copy c = copy();
        c.currentStep = step;
        c.dueTick = due;
        c.status = next;
        c.inFlight = false;
        c.attempt = 0;
        c.attemptSpent = false;
        c.firstFailureTick = -1;
        c.avoidMailboxId = null;
        c.avoidSinceTick = -1;
        c.heldBy = null;
        c.pauseReason = null;
        c.pauseCause = null;
        return c.build();
    }

    /** The current step is tried again as attempt {@code next} at {@code due}. */
    RunState retrying(int next, long due, long failedAt, String avoid, long avoidSince) {
        Copy c = copy();
        c.dueTick = due;
        c.status = RunStatus.ACTIVE;
        c.inFlight = false;
        c.attempt = next;
        c.attemptSpent = false;
        c.firstFailureTick = firstFailureTick < 0 ? failedAt : firstFailureTick;
        c.avoidMailboxId = avoid;
        c.avoidSinceTick = avoidSince;
        c.pauseReason = null;
        c.pauseCause = null;
        return c.build();
    }

    /**
     * The current step goes back to routing after {@code refusing} refused it for the sender's fault:
     * the run no longer sticks to that mailbox (so nothing keyed on it holds the run) and avoids it.
     */
    RunState rerouting(int next, long due, long failedAt, String refusing) {
        Copy c = retrying(next, due, failedAt, refusing, failedAt).copy();
        c.mailboxId = null;
        return c.build();
    }

    RunState paused(String reason, PauseCause cause) {
        Copy c = copy();
        c.status = RunStatus.PAUSED;
        c.inFlight = false;
        c.pauseReason = reason;
        c.pauseCause = cause;
        return c.build();
    }

    /** Mutable copy of a state, for the few fields an event changes. */
    static final class Copy {
        private final RunState s;
        String mailboxId;
        int currentStep;
        long dueTick;
        RunStatus status;
        boolean inFlight;
        int attempt;
        long firstFailureTick;
        String avoidMailboxId;
        long avoidSinceTick;
        String pauseReason;
        PauseCause pauseCause;
        long startedTick;
        String heldBy;
        boolean closed;
        boolean attemptSpent;
        RunLog log;

        private Copy(RunState s) {
            this.s = s;
            mailboxId = s.mailboxId;
            currentStep = s.currentStep;
            dueTick = s.dueTick;
            status = s.status;
            inFlight = s.inFlight;
            attempt = s.attempt;
            firstFailureTick = s.firstFailureTick;
            avoidMailboxId = s.avoidMailboxId;
            avoidSinceTick = s.avoidSinceTick;
            pauseReason = s.pauseReason;
            pauseCause = s.pauseCause;
            startedTick = s.startedTick;
            heldBy = s.heldBy;
            closed = s.closed;
            attemptSpent = s.attemptSpent;
            log = s.log;
        }

        RunState build() {
            return new RunState(s.orgId, s.runId, s.campaignId, s.lead, mailboxId, s.stepCount, currentStep, dueTick,
                    status, inFlight, attempt, firstFailureTick, avoidMailboxId, avoidSinceTick, pauseReason,
                    pauseCause, s.campaignVersion, startedTick, heldBy, closed, attemptSpent, log);
        }
    }
}
