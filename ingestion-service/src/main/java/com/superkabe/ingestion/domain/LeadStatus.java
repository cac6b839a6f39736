package com.superkabe.ingestion.domain;

/**
 * The org-wide Lead's status, kept from other services' events. STORED: submitted without a
 * campaign, waiting to be enrolled (enrolment makes it HELD, waiting for the execution gate).
 * HELD: enrolled in a campaign, not yet past the gate. BOUNCED and UNSUBSCRIBED are
 * terminal and suppress the address organization-wide; COMPLETED yields only to them. Events
 * arrive on different topics with no order between them, so the rules make the final status the
 * same whichever of a lead's events comes first where it matters (suppression, completion).
 */
public enum LeadStatus {
    STORED, HELD, ACTIVE, PAUSED, COMPLETED, BOUNCED, UNSUBSCRIBED;

    /** The status a new lead is stored with: HELD when it names a campaign, STORED when it does not. */
    public static LeadStatus ofNewLead(String campaignId) {
        return campaignId == null || campaignId.isBlank() ? STORED : HELD;
    }

    /** The status after the lead is enrolled into a campaign: a STORED lead is now HELD; others keep theirs. */
    public LeadStatus enrolled() {
        return this == STORED ? HELD : this;
    }

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
