package com.superkabe.ingestion.domain;

/**
 * What a submission of an address the organization already has as a lead becomes. Dedupe is per
 * (campaign, lead), not per address: the same address naming a campaign the lead is not enrolled in
 * enrols it there.
 */
public enum Resubmission {
    /** The event that created the lead (or this enrolment), delivered again: announce it again, same id. */
    ANNOUNCE_AGAIN,
    /** The address is suppressed organization-wide (bounced, unsubscribed): rejected with code suppressed. */
    SUPPRESSED,
    /** No campaign, or one the lead is already enrolled in: nothing to do. */
    DUPLICATE,
    /** A campaign the lead is not enrolled in: enrol the stored lead there. */
    ENROL;

    /**
     * @param status          the stored lead's status
     * @param redelivered     this very event created the lead or the (lead, campaign) enrolment
     * @param campaignId      the campaign the submission names, or null
     * @param alreadyEnrolled the lead is enrolled in that campaign (before, or earlier in this batch)
     */
    public static Resubmission decide(LeadStatus status, boolean redelivered, String campaignId,
                                      boolean alreadyEnrolled) {
        if (redelivered) {
            return ANNOUNCE_AGAIN;
        }
        if (status.suppressed()) {
            return SUPPRESSED;
        }
        if (campaignId == null || campaignId.isBlank() || alreadyEnrolled) {
            return DUPLICATE;
        }
        return ENROL;
    }
}
