package com.superkabe.events.lead;

import com.superkabe.events.Require;
import java.util.List;

/**
 * Every answer from outside the intake decision for one submitted lead, published on
 * {@code superkabe.intake-checks} in the same transaction as, and before, the LeadAccepted or
 * LeadRejected it leads to (ADR 0048). A replay decides the submission again from this record and
 * its own memory of earlier decisions, with no DNS, list file or database.
 *
 * <p>{@code source}: the id of the intake event (or REST item) decided; {@code channel}: api, csv,
 * clay or kafka; the candidate's fields as submitted; {@code organizationKnown}: whether the
 * organization was registered; {@code mx}: the MX answer of the address's domain (absent when no
 * lookup applies) and {@code mxDetail} its text; {@code disposableMatch}: the listed domain that makes
 * the address disposable (absent: none); {@code roleAccount}: the local part is on the role list;
 * {@code suspiciousTld}: the TLD is on the list in force; {@code policy}: the organization's
 * lead-health settings in force; {@code existing}: the address's lead as stored before this
 * submission (absent: none).
 */
public record LeadIntakeChecked(String orgId, String source, String channel, String email, String firstName,
                                String lastName, String company, String title, String campaignId, Integer leadScore,
                                boolean organizationKnown, MxAnswer mx, String mxDetail, String disposableMatch,
                                boolean roleAccount, boolean suspiciousTld, Policy policy, Existing existing)
        implements com.superkabe.events.SuperkabeEvent {

    public LeadIntakeChecked {
        Require.text(orgId, "orgId");
        Require.text(channel, "channel");
    }

    /** An organization's lead-health settings (ADR 0011). */
    public record Policy(List<Penalty> penalties, int greenMin, int yellowMin, List<String> suspiciousTlds,
                         boolean acceptRoleAccounts, boolean acceptSuspiciousTlds, boolean smtputf8) {
        public Policy {
            penalties = List.copyOf(penalties);
            suspiciousTlds = suspiciousTlds == null ? null : List.copyOf(suspiciousTlds);
        }
    }

    /** What one failed check costs. */
    public record Penalty(String check, int points) {
    }

    /**
     * The stored lead of this address (stored before, or earlier in the same batch): its id, its status
     * (set by other services' events: BOUNCED, UNSUBSCRIBED, …), {@code redelivered} {@code lead} or
     * {@code pair} when this very submission created the lead or its enrolment in the campaign (a
     * redelivery, announced again; absent otherwise), and whether the lead is enrolled in the campaign
     * named.
     */
    public record Existing(String leadId, String status, String redelivered, boolean enrolled) {
        public Existing {
            Require.text(leadId, "leadId");
            Require.text(status, "status");
        }
    }

    @Override
    public String subject() {
        return email == null ? "unknown" : email;
    }

    @Override
    public String partitionKey() {
        return orgId;
    }
}
