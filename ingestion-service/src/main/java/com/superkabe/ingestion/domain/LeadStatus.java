package com.superkabe.ingestion.domain;

/**
 * The org-wide Lead's status, kept from other services' events. BOUNCED and UNSUBSCRIBED are
 * terminal and suppress the address organization-wide; COMPLETED yields only to them. Events
 * arrive on different topics with no order between them, so the rules make the final status the
 * same whichever of a lead's events comes first where it matters (suppression, completion).
 */
public enum LeadStatus {
    HELD, ACTIVE, PAUSED, COMPLETED, BOUNCED, UNSUBSCRIBED;

    public boolean suppressed() {
        return this == BOUNCED || this == UNSUBSCRIBED;
    }

    /** The status after an event asks for {@code target}. */
    public LeadStatus evolve(LeadStatus target) {
        if (suppressed()) {
            return this;
        }
        if (this == COMPLETED && !target.suppressed()) {
            return this;
        }
        return target;
    }
}
