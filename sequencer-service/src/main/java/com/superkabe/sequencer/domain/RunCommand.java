package com.superkabe.sequencer.domain;

import com.superkabe.events.gate.LeadSnapshot;

/** What can be asked of a run. Every command carries the logical tick it is decided at. */
public sealed interface RunCommand {

    String runId();

    long tick();

    /**
     * Enrol an allowed lead; the first step is due at {@code tick + firstDelayTicks}. {@code suppressed}:
     * the organization's suppression of the lead's address, or null; a suppressed run ends at once.
     */
    record Enroll(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId, int stepCount,
                  long firstDelayTicks, long tick, Suppression suppressed) implements RunCommand {

        public Enroll(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId, int stepCount,
                      long firstDelayTicks, long tick) {
            this(orgId, runId, campaignId, lead, mailboxId, stepCount, firstDelayTicks, tick, null);
        }
    }

    /**
     * The clock reached {@code tick}: send the current step if it is due. {@code suppressed}: the
     * suppression of the run's address, or null; checked right before a send is requested.
     */
    record Dispatch(String runId, StepTemplate step, long tick, Suppression suppressed) implements RunCommand {

        public Dispatch(String runId, StepTemplate step, long tick) {
            this(runId, step, tick, null);
        }
    }

    /** The current step's email was accepted; {@code nextDelayTicks} is the next step's delay, if any. */
    record RecordSent(String runId, String sendId, int step, long nextDelayTicks, long tick) implements RunCommand {
    }

    /** The current step's send failed: fail closed. */
    record RecordFailed(String runId, String sendId, int step, String reason, long tick) implements RunCommand {
    }

    /** The lead replied: stop. */
    record RecordReply(String runId, String replyId, long tick) implements RunCommand {
    }

    /** The address is suppressed in the organization (unsubscribe or hard bounce, here or elsewhere): stop. */
    record Suppress(String runId, Suppression suppression, long tick) implements RunCommand {
    }
}
