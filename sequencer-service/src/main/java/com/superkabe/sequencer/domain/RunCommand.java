package com.superkabe.sequencer.domain;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.send.SendFailureClass;

/** What can be asked of a run. Every command carries the logical tick it is decided at. */
public sealed interface RunCommand {

    String runId();

    long tick();

    /**
     * Enrol an allowed lead; the first step is due at {@code tick + firstDelayTicks}. {@code suppressed}:
     * the organization's suppression of the lead's address, or null; a suppressed run ends at once.
     * {@code mailboxId} is null since routing chooses the mailbox at the first dispatch.
     */
    record Enroll(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId, int stepCount,
                  long firstDelayTicks, long tick, Suppression suppressed, int campaignVersion, boolean start)
            implements RunCommand {

        public Enroll(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId, int stepCount,
                      long firstDelayTicks, long tick, Suppression suppressed) {
            this(orgId, runId, campaignId, lead, mailboxId, stepCount, firstDelayTicks, tick, suppressed, 1, true);
        }

        public Enroll(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId, int stepCount,
                      long firstDelayTicks, long tick) {
            this(orgId, runId, campaignId, lead, mailboxId, stepCount, firstDelayTicks, tick, null);
        }
    }

    /** PENDING → ACTIVE: the run's campaign became active; {@code firstDelayTicks}: the first step's wait. */
    record Start(String runId, long firstDelayTicks, long tick) implements RunCommand {
    }

    /** WAITING → ACTIVE when the wait is over at {@code tick}. */
    record Elapse(String runId, long tick) implements RunCommand {
    }

    /**
     * The policy gate before the due current step (ADR 0022): the decider evaluates
     * {@link com.superkabe.sequencer.domain.policy.PolicyGate} on the run's execution context at {@code tick}
     * with these facts and the campaign's {@code settings}. Allowed decides nothing; otherwise the hold is
     * recorded once per (policy, reason) and its action applied: DEFER keeps the step due, PAUSE pauses the
     * run, FAIL fails it, SKIP_WITH_LOG skips the step ({@code nextDelayTicks}: the next step's wait).
     */
    record Evaluate(String runId, StepTemplate step, com.superkabe.sequencer.domain.policy.PolicyGate.Facts facts,
                    com.superkabe.sequencer.domain.policy.PolicySettings settings, long nextDelayTicks, long tick)
            implements RunCommand {
    }

    /** The first open or click ({@code kind}) of {@code step}'s email reached the run. */
    record RecordEngagement(String runId, int step, String kind, long tick) implements RunCommand {
    }

    /** An operator (or a lead's pause, {@code cause} LEAD) pauses a running run. */
    record Pause(String runId, String actor, String reason, RunState.PauseCause cause, long tick)
            implements RunCommand {
    }

    /** An operator resumes a run paused by an operator, a lead's pause or a policy ({@code onlyCause}: or null for any). */
    record Resume(String runId, String actor, String reason, RunState.PauseCause onlyCause, long tick)
            implements RunCommand {
    }

    /**
     * What a send carries besides the step: the organization's postal address for the footer, whether
     * the campaign forbids tracking, and the mailbox's batch of this tick.
     */
    record SendExtras(String mailingAddress, boolean euComplianceMode, String batchId) {
        public static final SendExtras NONE = new SendExtras(null, false, null);
    }

    /**
     * The clock reached {@code tick}: send the current step if it is due, from {@code mailboxId}
     * (routing's choice; null keeps the run's sticky mailbox), recording {@code routingReason} when
     * that changes the run's mailbox. {@code suppressed}: the suppression of the run's address, or
     * null; checked right before a send is requested.
     */
    record Dispatch(String runId, StepTemplate step, long tick, Suppression suppressed, String mailboxId,
                    String routingReason, SendExtras extras) implements RunCommand {

        public Dispatch {
            extras = extras == null ? SendExtras.NONE : extras;
        }

        public Dispatch(String runId, StepTemplate step, long tick, Suppression suppressed) {
            this(runId, step, tick, suppressed, null, null, SendExtras.NONE);
        }

        public Dispatch(String runId, StepTemplate step, long tick) {
            this(runId, step, tick, null);
        }
    }

    /** The current step's email was accepted; {@code nextDelayTicks} is the next step's delay, if any. */
    record RecordSent(String runId, String sendId, int step, long nextDelayTicks, long tick) implements RunCommand {
    }

    /**
     * The current step's send failed: what happens depends on whose fault it was (ADR 0019).
     * {@code mailboxId}: the mailbox that tried; {@code retryAfterSeconds}: the provider's Retry-After
     * (0: none); {@code policy}: the retry policy in force; {@code reassignAfterTicks}: how long a
     * mailbox that refused the step for the sender's fault is avoided.
     */
    record RecordFailed(String runId, String sendId, int step, String reason, long tick, SendFailureClass failureClass,
                        String mailboxId, long retryAfterSeconds, RetryPolicy policy) implements RunCommand {

        public RecordFailed {
            failureClass = failureClass == null ? SendFailureClass.PERMANENT : failureClass;
            policy = policy == null ? RetryPolicy.DEFAULT : policy;
        }

        /** An unrecoverable failure: fail closed. */
        public RecordFailed(String runId, String sendId, int step, String reason, long tick) {
            this(runId, sendId, step, reason, tick, SendFailureClass.PERMANENT, null, 0, RetryPolicy.DEFAULT);
        }
    }

    /** The lead replied: stop. */
    record RecordReply(String runId, String replyId, long tick) implements RunCommand {
    }

    /** The address is suppressed in the organization (unsubscribe or hard bounce, here or elsewhere): stop. */
    record Suppress(String runId, Suppression suppression, long tick) implements RunCommand {
    }

    /** What an operator may decide for a FAILED run or one paused on an unknown send outcome. */
    enum ResolveAction { RESEND, DROP, STOP }

    /**
     * An operator's decision for a FAILED run, or one PAUSED on an unknown send outcome or on refusals:
     * send the step again (new send id), skip it and go on ({@code nextDelayTicks}: the next step's delay),
     * or stop the run for good. Audited with actor and reason.
     */
    record Resolve(String runId, ResolveAction action, String actor, String reason, long nextDelayTicks, long tick)
            implements RunCommand {
    }
}
