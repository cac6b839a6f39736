package com.superkabe.gate.application;

import com.superkabe.events.gate.CheckOutcome;
import java.util.List;

/** Port: every decision the gate made, for explanation. */
public interface Decisions {

    record Decision(String orgId, String leadId, String campaignId, long tick, String outcome, String mode,
                    String failureClass, String reason, Boolean retryable, Boolean deferrable,
                    List<CheckOutcome> checks, List<String> warnings, String eventId) {
    }

    void record(Decision decision);

    List<Decision> ofLead(String orgId, String leadId);
}
