package com.superkabe.ingestion.domain;

/**
 * One (lead, campaign) enrolment's progress as other services report it: REQUESTED (announced to
 * the gate) → ALLOWED or BLOCKED (the gate's latest decision for the pair) → ENROLLED (the
 * sequencer's run) → COMPLETED or REPLIED. The facts come from different topics with no order
 * between them, so a status only moves forward: an earlier stage arriving late is ignored, and a
 * reply outranks completion.
 */
public enum EnrolmentStatus {
    REQUESTED(0), BLOCKED(1), ALLOWED(1), ENROLLED(2), COMPLETED(3), REPLIED(4);

    private final int stage;

    EnrolmentStatus(int stage) {
        this.stage = stage;
    }

    /** The status after a fact asks for {@code target}. */
    public EnrolmentStatus evolve(EnrolmentStatus target) {
        return target.stage >= stage ? target : this;
    }
}
