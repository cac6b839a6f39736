package com.superkabe.sequencer.domain.dispatch;

/** The dispatcher's answer for one due run at one tick. */
public sealed interface Verdict {

    String runId();

    /** Send now, on the run's own mailbox; {@code remaining}: the smallest remaining cap before this send. */
    record Send(String runId, String mailboxId, long remaining) implements Verdict {
    }

    /** Keep the run due; it is considered again at the next tick. */
    record Hold(String runId, String mailboxId, HoldReason reason) implements Verdict {
    }
}
