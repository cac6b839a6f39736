package com.superkabe.sequencer.domain;

import com.superkabe.events.gate.LeadSnapshot;

/**
 * Everything a run's decisions depend on. {@code mailboxId}: the sticky sending mailbox, null until
 * routing first assigns one. {@code inFlight}: the current step's send awaits its outcome.
 * {@code attempt}: the current step's attempt (0 first, counting retries and reroutes);
 * {@code firstFailureTick}: when the current step first failed (-1: it has not), which bounds retries.
 * {@code avoidMailboxId}/{@code avoidSinceTick}: the mailbox that refused the current step for the
 * sender's fault, and when. {@code pauseReason}: why the run is PAUSED, if it is.
 */
public record RunState(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId,
                       int stepCount, int currentStep, long dueTick, RunStatus status, boolean inFlight,
                       int attempt, long firstFailureTick, String avoidMailboxId, long avoidSinceTick,
                       String pauseReason) {

    public RunState(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId,
                    int stepCount, int currentStep, long dueTick, RunStatus status, boolean inFlight) {
        this(orgId, runId, campaignId, lead, mailboxId, stepCount, currentStep, dueTick, status, inFlight, 0, -1,
                null, -1, null);
    }

    public RunState withStatus(RunStatus next) {
        return new RunState(orgId, runId, campaignId, lead, mailboxId, stepCount, currentStep, dueTick, next, inFlight,
                attempt, firstFailureTick, avoidMailboxId, avoidSinceTick, next == RunStatus.PAUSED ? pauseReason : null);
    }

    RunState sending(String mailbox) {
        return new RunState(orgId, runId, campaignId, lead, mailbox, stepCount, currentStep, dueTick, RunStatus.ACTIVE,
                true, attempt, firstFailureTick, avoidMailboxId, avoidSinceTick, null);
    }

    RunState withMailbox(String mailbox) {
        return new RunState(orgId, runId, campaignId, lead, mailbox, stepCount, currentStep, dueTick, status, inFlight,
                attempt, firstFailureTick, avoidMailboxId, avoidSinceTick, pauseReason);
    }

    /** The next step is due at {@code due}: a new step starts with no attempts and no failures. */
    RunState advancedTo(int step, long due) {
        return new RunState(orgId, runId, campaignId, lead, mailboxId, stepCount, step, due, RunStatus.WAITING, false,
                0, -1, null, -1, null);
    }

    /** The current step is tried again as attempt {@code next} at {@code due}. */
    RunState retrying(int next, long due, long failedAt, String avoid, long avoidSince) {
        return new RunState(orgId, runId, campaignId, lead, mailboxId, stepCount, currentStep, due, RunStatus.ACTIVE,
                false, next, firstFailureTick < 0 ? failedAt : firstFailureTick, avoid, avoidSince, null);
    }

    /**
     * The current step goes back to routing after {@code refusing} refused it for the sender's fault:
     * the run no longer sticks to that mailbox (so nothing keyed on it holds the run) and avoids it.
     */
    RunState rerouting(int next, long due, long failedAt, String refusing) {
        return new RunState(orgId, runId, campaignId, lead, null, stepCount, currentStep, due, RunStatus.ACTIVE, false,
                next, firstFailureTick < 0 ? failedAt : firstFailureTick, refusing, failedAt, null);
    }

    RunState paused(String reason) {
        return new RunState(orgId, runId, campaignId, lead, mailboxId, stepCount, currentStep, dueTick,
                RunStatus.PAUSED, false, attempt, firstFailureTick, avoidMailboxId, avoidSinceTick, reason);
    }
}
