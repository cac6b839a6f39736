package com.superkabe.events.gate;

import com.superkabe.events.Require;
import java.util.List;

/** The lead passed the execution gate (lead state HELD → ACTIVE) and may be enrolled. */
public record LeadGateAllowed(String orgId, String campaignId, LeadSnapshot lead, String mode,
                              List<CheckOutcome> checks) implements GateEvent {
    public LeadGateAllowed {
        Require.text(orgId, "orgId");
        Require.text(campaignId, "campaignId");
        if (lead == null) {
            throw new IllegalArgumentException("lead is required");
        }
        checks = List.copyOf(checks);
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
