package com.superkabe.sequencer.domain;

import java.util.Locale;

/**
 * An address the organization must no longer email: its recipient unsubscribed, or it hard-bounced,
 * in some run of the organization (seed 002: org-wide suppression). The first fact for an address
 * is kept. {@code detail}: the unsubscribe method or the bounce's SMTP answer; the source run and
 * campaign may be null when the fact named none.
 */
public record Suppression(String orgId, String address, Cause cause, String detail, String sourceRunId,
                          String sourceCampaignId, long tick) {

    /** Why an address is suppressed; the name is the run event's {@code cause}. */
    public enum Cause { UNSUBSCRIBED, BOUNCED }

    public Suppression {
        if (orgId == null || address == null || cause == null) {
            throw new IllegalArgumentException("a suppression needs an organization, an address and a cause");
        }
        address = key(address);
    }

    /**
     * The address as suppression compares it: trimmed and lower-cased. Local parts are case-sensitive
     * in theory only; treating them as equal errs towards not emailing someone who opted out.
     */
    public static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether this suppression stops the run: same organization and same address, or its own source run. */
    public boolean covers(RunState run) {
        return orgId.equals(run.orgId())
                && (run.runId().equals(sourceRunId) || address.equals(key(run.lead().email())));
    }

    /** The words of the run event's reason for {@code run}. */
    public String reasonFor(RunState run) {
        if (run.runId().equals(sourceRunId)) {
            return cause == Cause.UNSUBSCRIBED ? "unsubscribed (" + detail + ")" : "hard bounce (" + detail + ")";
        }
        String what = cause == Cause.UNSUBSCRIBED ? "unsubscribed" : "hard-bounced";
        if (sourceRunId == null) {
            return "suppressed: address " + what + " in this organization";
        }
        String where = run.campaignId().equals(sourceCampaignId) ? "in another run of this campaign"
                : "in another campaign (campaign " + sourceCampaignId + ")";
        return "suppressed: " + what + " " + where + ", run " + sourceRunId;
    }
}
