package com.superkabe.gate.domain;

/** Why the gate refused, which decides what happens next to the lead. */
public enum FailureClass {
    /** Mailbox or domain over bounce thresholds: block until manual recovery. */
    HEALTH_ISSUE(false, false),
    /** Campaign or configuration missing from the gate's view: hold, re-evaluate when it arrives. */
    SYNC_ISSUE(false, true),
    /** The gate cannot trust its own view: retry with backoff. */
    INFRA_ISSUE(true, false);

    private final boolean retryable;
    private final boolean deferrable;

    FailureClass(boolean retryable, boolean deferrable) {
        this.retryable = retryable;
        this.deferrable = deferrable;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean deferrable() {
        return deferrable;
    }
}
