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
                  long firstDelayTicks, long tick, Suppression suppressed) implements RunCommand {

        public Enroll(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId, int stepCount,
                      long firstDelayTicks, long tick) {
            this(orgId, runId, campaignId, lead, mailboxId, stepCount, firstDelayTicks, tick, null);
        }
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

    /** What an operator may decide for a run paused on an unknown send outcome. */
    enum ResolveAction { RESEND, DROP, STOP }

    /**
     * An operator's decision for a PAUSED run: send the step again (new send id), count it as done and go
     * on ({@code nextDelayTicks}: the next step's delay), or stop the run. Audited with actor and reason.
     */
    record Resolve(String runId, ResolveAction action, String actor, String reason, long nextDelayTicks, long tick)
            implements RunCommand {
    }
}
