package com.superkabe.ingestion.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.EventIds;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailUnsubscribed;
import com.superkabe.events.send.RecipientFailure;
import com.superkabe.ingestion.domain.EmailSyntax;
import com.superkabe.ingestion.domain.LeadStatus;
import java.util.List;

/**
 * Keeps the org-wide Lead's status from other services' facts: the execution gate (allowed →
 * ACTIVE, blocked for HEALTH_ISSUE → PAUSED), the sequencer's runs (completed → COMPLETED; a
 * reply is noted, the status stays), and send outcomes (a hard bounce saying the address cannot
 * receive → BOUNCED — not one aimed at the sender, see {@link RecipientFailure}; an unsubscribe →
 * UNSUBSCRIBED; both suppress the address organization-wide). Events of other kinds are ignored.
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
            case EmailSendFailed f when RecipientFailure.addressCannotReceive(f) && f.leadId() != null ->
                    move(f.leadId(), LeadStatus.BOUNCED, "hard bounce " + f.smtpCode() + ": " + f.detail());
            case EmailUnsubscribed u -> move(leadOf(u), LeadStatus.UNSUBSCRIBED,
                    "unsubscribed (" + u.method().toLowerCase() + ") from message " + u.messageId());
            default -> {
                // not a lead-status fact
            }
        }
    }

    /** The unsubscribed lead: named by the send, or else found by the recipient's address in the org. */
    private static String leadOf(EmailUnsubscribed u) {
        if (u.leadId() != null && !u.leadId().isBlank()) {
            return u.leadId();
        }
        EmailSyntax.Result address = EmailSyntax.check(u.email());
        return EventIds.derive("lead/" + u.orgId() + "/" + (address.valid() ? address.address() : u.email()));
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
