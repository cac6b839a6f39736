package com.superkabe.events.gate;

import com.superkabe.events.Require;
import java.util.List;

/**
 * The lead may be enrolled (lead state HELD → ACTIVE). Under OBSERVE or SUGGEST a lead the checks
 * would have blocked is allowed too: {@code observedFailureClass} and {@code observedReason} say
 * what ENFORCE would have done (optional, absent when every check passed). {@code warnings}
 * (optional) are HARD_RISK_WARNING / SOFT_WARNING notes recorded for monitoring.
 */
public record LeadGateAllowed(String orgId, String campaignId, LeadSnapshot lead, String mode,
                              List<CheckOutcome> checks, String observedFailureClass, String observedReason,
                              List<String> warnings) implements GateEvent {

    public LeadGateAllowed(String orgId, String campaignId, LeadSnapshot lead, String mode, List<CheckOutcome> checks) {
        this(orgId, campaignId, lead, mode, checks, null, null, null);
    }

    public LeadGateAllowed {
        Require.text(orgId, "orgId");
        Require.text(campaignId, "campaignId");
        if (lead == null) {
            throw new IllegalArgumentException("lead is required");
        }
        checks = List.copyOf(checks);
        warnings = warnings == null || warnings.isEmpty() ? null : List.copyOf(warnings);
    }

    @Override
    public String subject() {
        return lead.leadId();
    }

    @Override
    public String partitionKey() {
        return lead.leadId();
    }
}
