package com.superkabe.events.gate;

import com.superkabe.events.Require;
import java.util.List;

/**
 * The execution gate refused the lead. {@code failureClass} is HEALTH_ISSUE, SYNC_ISSUE or
 * INFRA_ISSUE; a deferrable block is re-evaluated by the gate itself when its view changes.
 */
public record LeadGateBlocked(String orgId, String campaignId, String leadId, String failureClass,
                              String reason, boolean retryable, boolean deferrable, String mode,
                              List<CheckOutcome> checks) implements GateEvent {
    public LeadGateBlocked {
        Require.text(orgId, "orgId");
        Require.text(leadId, "leadId");
        Require.text(failureClass, "failureClass");
        Require.text(reason, "reason");
        checks = List.copyOf(checks);
    }

    @Override
    public String subject() {
        return leadId;
    }

    @Override
    public String partitionKey() {
        return leadId;
    }
}
