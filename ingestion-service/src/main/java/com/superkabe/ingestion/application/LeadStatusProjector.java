package com.superkabe.ingestion.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.EventIds;
import com.superkabe.events.reply.ComplaintReceived;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailUnsubscribed;
import com.superkabe.events.send.RecipientFailure;
import com.superkabe.ingestion.domain.EmailSyntax;
import com.superkabe.ingestion.domain.EnrolmentStatus;
import com.superkabe.ingestion.domain.LeadStatus;
import java.util.List;

/**
 * Keeps the org-wide Lead's status from other services' facts, and each (lead, campaign)
 * enrolment's: the execution gate (allowed → ACTIVE, enrolment ALLOWED; blocked → enrolment
 * BLOCKED, and for HEALTH_ISSUE the lead PAUSED), the sequencer's runs (enrolled → enrolment
 * ENROLLED; completed → COMPLETED; a reply is noted, the status stays), and send outcomes (a hard
 * bounce saying the address cannot receive → BOUNCED — not one aimed at the sender, see
 * {@link RecipientFailure} — whether at SMTP time or found in the mailbox later (a DSN); an
 * unsubscribe or a spam complaint → UNSUBSCRIBED; both suppress the address organization-wide).
 * Events of other kinds are ignored.
 */
public class LeadStatusProjector {

    private final Leads leads;
    private final Enrolments enrolments;

    public LeadStatusProjector(Leads leads, Enrolments enrolments) {
        this.leads = leads;
        this.enrolments = enrolments;
    }

    public void on(Envelope event) {
        switch (event.payload()) {
            case LeadGateAllowed a -> {
                progress(a.lead().leadId(), a.campaignId(), EnrolmentStatus.ALLOWED, "passed the execution gate",
                        null);
                move(a.lead().leadId(), LeadStatus.ACTIVE, "passed the execution gate for campaign " + a.campaignId());
            }
            case LeadGateBlocked b -> {
                progress(b.leadId(), b.campaignId(), EnrolmentStatus.BLOCKED, b.failureClass() + ": " + b.reason(),
                        null);
                if ("HEALTH_ISSUE".equals(b.failureClass())) {
                    move(b.leadId(), LeadStatus.PAUSED, b.reason());
                }
            }
            case RunEnrolled r -> {
                if (r.lead() != null) {
                    leads.rememberRun(r.runId(), r.lead().leadId());
                    progress(r.lead().leadId(), r.campaignId(), EnrolmentStatus.ENROLLED, "run " + r.runId(), r.runId());
                }
            }
            case RunCompleted c -> {
                leads.leadOfRun(c.runId())
                        .ifPresent(id -> move(id, LeadStatus.COMPLETED, "sequence finished (run " + c.runId() + ")"));
                enrolments.ofRun(c.runId()).ifPresent(p -> progress(p.leadId(), p.campaignId(),
                        EnrolmentStatus.COMPLETED, "sequence finished", null));
            }
            case RunReplied r -> {
                leads.leadOfRun(r.runId()).ifPresent(leads::markReplied);
                enrolments.ofRun(r.runId()).ifPresent(p -> progress(p.leadId(), p.campaignId(),
                        EnrolmentStatus.REPLIED, "replied (" + r.replyId() + ")", null));
            }
            case EmailSendFailed f when RecipientFailure.addressCannotReceive(f) && f.leadId() != null ->
                    move(f.leadId(), LeadStatus.BOUNCED, "hard bounce " + f.smtpCode() + ": " + f.detail());
            case EmailUnsubscribed u -> move(leadOf(u.leadId(), u.orgId(), u.email()), LeadStatus.UNSUBSCRIBED,
                    "unsubscribed (" + u.method().toLowerCase() + ") from message " + u.messageId());
            case EmailBounced b when "HARD".equals(b.bounceClass())
                    && RecipientFailure.addressCannotReceive(b.smtpCode(), statusText(b)) ->
                    move(leadOf(b.leadId(), b.orgId(), b.recipient()), LeadStatus.BOUNCED,
                            "bounced after delivery: " + statusText(b).strip());
            case ComplaintReceived c when c.recipient() != null ->
                    move(leadOf(c.leadId(), c.orgId(), c.recipient()), LeadStatus.UNSUBSCRIBED,
                            "spam complaint (" + c.feedbackType() + ")");
            default -> {
                // not a lead-status fact
            }
        }
    }

    /** The lead an engagement names, or else the one its recipient's address has in the org. */
    private static String leadOf(String leadId, String orgId, String email) {
        if (leadId != null && !leadId.isBlank()) {
            return leadId;
        }
        EmailSyntax.Result address = EmailSyntax.check(email, true);
        return EventIds.derive("lead/" + orgId + "/" + (address.valid() ? address.address() : email));
    }

    private static String statusText(EmailBounced b) {
        return (b.status() == null ? "" : b.status()) + " " + (b.diagnostic() == null ? "" : b.diagnostic());
    }

    private void progress(String leadId, String campaignId, EnrolmentStatus target, String reason, String runId) {
        Enrolments.Pair pair = new Enrolments.Pair(leadId, campaignId);
        enrolments.status(pair).ifPresent(current -> {
            EnrolmentStatus next = current.evolve(target);
            if (next != current || runId != null) {
                enrolments.update(pair, next, next == target ? reason : null, runId);
            }
        });
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
