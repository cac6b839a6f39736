package com.superkabe.ingestion.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.ingestion.domain.LeadStatus;
import java.util.List;

/**
 * Keeps the org-wide Lead's status from other services' facts: the execution gate (allowed →
 * ACTIVE, blocked for HEALTH_ISSUE → PAUSED), the sequencer's runs (completed → COMPLETED; a
 * reply is noted, the status stays), and send outcomes (a hard bounce → BOUNCED, which suppresses
 * the address organization-wide). Events of other kinds are ignored.
 */
public class LeadStatusProjector {

    private final Leads leads;

    public LeadStatusProjector(Leads leads) {
        this.leads = leads;
    }

    public void on(Envelope event) {
        switch (event.payload()) {
            case LeadGateAllowed a -> move(a.lead().leadId(), LeadStatus.ACTIVE,
                    "passed the execution gate for campaign " + a.campaignId());
            case LeadGateBlocked b when "HEALTH_ISSUE".equals(b.failureClass()) ->
                    move(b.leadId(), LeadStatus.PAUSED, b.reason());
            case RunEnrolled r -> {
                if (r.lead() != null) {
                    leads.rememberRun(r.runId(), r.lead().leadId());
                }
            }
            case RunCompleted c -> leads.leadOfRun(c.runId())
                    .ifPresent(id -> move(id, LeadStatus.COMPLETED, "sequence finished (run " + c.runId() + ")"));
            case RunReplied r -> leads.leadOfRun(r.runId()).ifPresent(leads::markReplied);
            case EmailSendFailed f when "HARD_BOUNCE".equals(f.kind()) && f.leadId() != null ->
                    move(f.leadId(), LeadStatus.BOUNCED, "hard bounce " + f.smtpCode() + ": " + f.detail());
            default -> {
                // not a lead-status fact
            }
        }
    }

    private void move(String leadId, LeadStatus target, String reason) {
        LeadStatus current = leads.statuses(List.of(leadId)).get(leadId);
        if (current == null) {
            return;
        }
        LeadStatus next = current.evolve(target);
        if (next != current) {
            leads.updateStatus(leadId, next, reason);
        }
    }
}
