package com.superkabe.sequencer.domain;

import com.superkabe.events.lead.RecipientEsp;

/**
 * The queryable shape of a run: what the dispatcher selects and routes on and the API shows.
 * {@code mailboxId} is null until routing assigns one; {@code esp} and {@code yellow} come from the
 * lead's accepted event; {@code avoidMailboxId}/{@code avoidSinceTick} name the mailbox that refused
 * the current step for the sender's fault.
 */
public record RunView(String runId, String orgId, String campaignId, String leadId, String email, String mailboxId,
                      RunStatus status, int currentStep, long dueTick, boolean inFlight, int attempt,
                      String avoidMailboxId, long avoidSinceTick, RecipientEsp esp, boolean yellow,
                      String pauseReason, String pauseCause, boolean closed, int campaignVersion, String heldBy) {

    public RunView(String runId, String orgId, String campaignId, String leadId, String email, String mailboxId,
                   RunStatus status, int currentStep, long dueTick, boolean inFlight, int attempt,
                   String avoidMailboxId, long avoidSinceTick, RecipientEsp esp, boolean yellow, String pauseReason) {
        this(runId, orgId, campaignId, leadId, email, mailboxId, status, currentStep, dueTick, inFlight, attempt,
                avoidMailboxId, avoidSinceTick, esp, yellow, pauseReason, null, false, 1, null);
    }

    public RunView(String runId, String orgId, String campaignId, String leadId, String email, String mailboxId,
                   RunStatus status, int currentStep, long dueTick, boolean inFlight) {
        this(runId, orgId, campaignId, leadId, email, mailboxId, status, currentStep, dueTick, inFlight, 0, null, -1,
                RecipientEsp.UNKNOWN, false, null);
    }

    /** The same projection for the database read model and for in-memory replay. */
    public static RunView project(RunState state) {
        return new RunView(state.runId(), state.orgId(), state.campaignId(), state.lead().leadId(), state.lead().email(),
                state.mailboxId(), state.status(), state.currentStep(), state.dueTick(), state.inFlight(),
                state.attempt(), state.avoidMailboxId(), state.avoidSinceTick(), state.lead().espOrUnknown(),
                state.lead().yellow(), state.pauseReason(),
                state.pauseCause() == null ? null : state.pauseCause().name(), state.closed(), state.campaignVersion(),
                state.heldBy());
    }

    /** An ACTIVE run whose step is due and not in flight: the dispatcher's work. */
    public boolean dispatchable(long tick) {
        return status == RunStatus.ACTIVE && !inFlight && dueTick <= tick;
    }

    /** A WAITING run whose wait is over at {@code tick}: it becomes ACTIVE first. */
    public boolean waitOver(long tick) {
        return status == RunStatus.WAITING && dueTick <= tick;
    }

    /** Whether an operator's resolve (retry, skip, stop) applies: FAILED and not stopped, or paused on a send. */
    public boolean resolvable() {
        return RunState.resolvable(status, closed, pauseCause == null ? null : RunState.PauseCause.valueOf(pauseCause));
    }

    /** Whether the run avoids {@code mailbox} at {@code tick}, given how long a refusal is held against it. */
    public boolean avoids(String mailbox, long tick, long avoidTicks) {
        return mailbox != null && mailbox.equals(avoidMailboxId) && tick - avoidSinceTick < avoidTicks;
    }
}
