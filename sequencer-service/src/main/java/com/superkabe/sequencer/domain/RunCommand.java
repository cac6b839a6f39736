package com.superkabe.sequencer.domain;

import com.superkabe.events.gate.LeadSnapshot;

/** What can be asked of a run. Every command carries the logical tick it is decided at. */
public sealed interface RunCommand {

    String runId();

    long tick();

    /** Enrol an allowed lead; the first step is due at {@code tick + firstDelayTicks}. */
    record Enroll(String orgId, String runId, String campaignId, LeadSnapshot lead, String mailboxId, int stepCount,
                  long firstDelayTicks, long tick) implements RunCommand {
    }

    /** The clock reached {@code tick}: send the current step if it is due. */
    record Dispatch(String runId, StepTemplate step, long tick) implements RunCommand {
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
}
