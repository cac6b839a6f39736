package com.superkabe.events.lead;

import com.superkabe.events.Require;
import java.util.List;

/**
 * A lead passed the ingestion gate and is stored in the organization's Lead table, or a stored lead
 * is enrolled into another campaign (same leadId, {@code campaignId} the target; the gate evaluates
 * each (lead, campaign) pair). Optional: {@code warnings}, the checks that lowered a YELLOW lead's
 * health score (null or empty for GREEN); {@code esp}, the recipient's mailbox provider from the
 * domain's MX hosts (ADR 0019; absent when not resolved); {@code mx}, the MX answer the gate judged
 * with (absent on events written before it was recorded).
 */
public record LeadAccepted(String orgId, String leadId, String email, String firstName, String lastName,
                           String company, String title, String campaignId, String health, int score,
                           String channel, List<LeadRejected.Reason> warnings, RecipientEsp esp, MxAnswer mx)
        implements LeadEvent {
    public LeadAccepted {
        Require.text(orgId, "orgId");
        Require.text(leadId, "leadId");
        Require.text(email, "email");
        Require.text(health, "health");
        warnings = warnings == null ? null : List.copyOf(warnings);
    }

    /** The shape before the MX answer was recorded. */
    public LeadAccepted(String orgId, String leadId, String email, String firstName, String lastName,
                        String company, String title, String campaignId, String health, int score, String channel,
                        List<LeadRejected.Reason> warnings, RecipientEsp esp) {
        this(orgId, leadId, email, firstName, lastName, company, title, campaignId, health, score, channel, warnings,
                esp, null);
    }

    /** The shape before the recipient's ESP was carried. */
    public LeadAccepted(String orgId, String leadId, String email, String firstName, String lastName,
                        String company, String title, String campaignId, String health, int score, String channel,
                        List<LeadRejected.Reason> warnings) {
        this(orgId, leadId, email, firstName, lastName, company, title, campaignId, health, score, channel, warnings,
                null, null);
    }

    /** The version-1 shape without the optional fields. */
    public LeadAccepted(String orgId, String leadId, String email, String firstName, String lastName,
                        String company, String title, String campaignId, String health, int score, String channel) {
        this(orgId, leadId, email, firstName, lastName, company, title, campaignId, health, score, channel, null, null,
                null);
    }

    @Override
    public String subject() {
        return leadId;
    }

    @Override
    public String partitionKey() {
        return orgId;
    }
}
