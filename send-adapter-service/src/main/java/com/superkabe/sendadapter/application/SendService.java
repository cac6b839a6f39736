package com.superkabe.sendadapter.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.mailbox.MailboxConnectionChanged;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.sendadapter.domain.AttemptState;
import com.superkabe.sendadapter.domain.Delivery;
import com.superkabe.sendadapter.domain.SendGuard;
import com.superkabe.sendadapter.domain.TrackedBody;
import java.util.Optional;

/**
 * The two transactional phases of a send around the provider call, so that no crash can cause a
 * second delivery (ADR 0007): claim the send id, and settle and publish the outcome. A refused login
 * also disconnects the mailbox, announced once with {@code MailboxConnectionChanged}. An AMBIGUOUS
 * ending is handed to {@link Reconciler} instead of being published at once.
 */
public class SendService {

    /** What the claim decided: deliver this email from this mailbox. */
    public record Plan(Mailbox mailbox, OutgoingEmail email) {
    }

    private final Mailboxes mailboxes;
    private final MailboxConnections connections;
    private final SendAttempts attempts;
    private final EventSink events;
    private final Envelopes envelopes;
    private final TrackingLinks tracking;
    private final Reconciler reconciler;

    public SendService(Mailboxes mailboxes, MailboxConnections connections, SendAttempts attempts, EventSink events,
                       Envelopes envelopes, TrackingLinks tracking, Reconciler reconciler) {
        this.mailboxes = mailboxes;
        this.connections = connections;
        this.attempts = attempts;
        this.events = events;
        this.envelopes = envelopes;
        this.tracking = tracking;
        this.reconciler = reconciler;
    }

    /** Phase one, in the caller's transaction: a plan to deliver, or empty when nothing is to be sent. */
    public Optional<Plan> claim(Envelope cause) {
        SendRequested r = cause.payloadAs(SendRequested.class);
        switch (SendGuard.decide(attempts.find(r.sendId()))) {
            case ALREADY_SETTLED -> {
                return Optional.empty();
            }
            case REPORT_AMBIGUOUS -> {
                Delivery d = Delivery.ambiguous("interrupted during a previous attempt; not resent");
                attempts.settle(r.sendId(), AttemptState.AMBIGUOUS, d);
                reconciler.reconcileOrReport(cause, d);
                return Optional.empty();
            }
            case DELIVER -> {
                return deliverable(cause, r);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private Optional<Plan> deliverable(Envelope cause, SendRequested r) {
        Optional<Mailbox> mailbox = mailboxes.find(r.mailboxId()).filter(m -> m.orgId().equals(r.orgId()));
        String refusal = refusal(r, mailbox);
        if (refusal != null) {
            Delivery d = Delivery.unusableMailbox(refusal);
            attempts.claim(r, mailbox.map(m -> SendGuard.messageId(r.sendId(), m.domain())).orElse("-"),
                    AttemptState.FAILED);
            attempts.settle(r.sendId(), AttemptState.FAILED, d);
            publish(cause, r, d, null);
            return Optional.empty();
        }
        Mailbox m = mailbox.orElseThrow();
        String messageId = SendGuard.messageId(r.sendId(), m.domain());
        attempts.claim(r, messageId, AttemptState.ATTEMPTING);
        return Optional.of(new Plan(m, render(cause, r, messageId, m)));
    }

    /** Why this request is not sent at all, or null. */
    private String refusal(SendRequested r, Optional<Mailbox> mailbox) {
        if (mailbox.isEmpty() || !mailbox.get().canSend()) {
            return "mailbox " + r.mailboxId() + " is not registered for this organization with sending settings";
        }
        if (r.mailingAddress() == null || r.mailingAddress().isBlank()) {
            return "the organization has no mailing address: CAN-SPAM requires a postal address in every message";
        }
        MailboxConnections.State state = connections.state(r.mailboxId());
        return state.connected() ? null : "mailbox " + r.mailboxId() + " is disconnected (" + state.reason()
                + "); update its credentials";
    }

    /**
     * Adds the compliance footer, the unsubscribe link (header and body) and, unless the campaign is in
     * EU compliance mode, the open pixel and click routing. Tokens are issued at the request's time, so
     * a replayed request renders the same message.
     */
    private OutgoingEmail render(Envelope cause, SendRequested r, String messageId, Mailbox m) {
        TrackedBody.Links links = tracking.links(r.sendId(), cause.time(), !r.trackingDisabled());
        TrackedBody.Rendered body = TrackedBody.render(r.body(), links, r.mailingAddress());
        return new OutgoingEmail(messageId, m.address(), r.toAddress(), r.toName(), r.subjectLine(), body.text(),
                body.html(), links.unsubscribeUrl());
    }

    /** Phase three, in the caller's transaction. */
    public void settle(Envelope cause, Plan plan, Delivery delivery) {
        SendRequested r = cause.payloadAs(SendRequested.class);
        attempts.settle(r.sendId(), delivery.succeeded() ? AttemptState.SENT
                : delivery.ambiguous() ? AttemptState.AMBIGUOUS : AttemptState.FAILED, delivery);
        if (delivery.credentialsRefused()) {
            connections.disconnect(r.mailboxId(), delivery.detail()).ifPresent(s -> events.publish(
                    envelopes.causedBy(cause, "mailbox-connection", 0, r.tick(), new MailboxConnectionChanged(
                            r.orgId(), r.mailboxId(), false, delivery.detail()))));
        }
        if (delivery.ambiguous()) {
            reconciler.reconcileOrReport(cause, delivery);
            return;
        }
        publish(cause, r, delivery, plan.email().messageId());
    }

    void publish(Envelope cause, SendRequested r, Delivery d, String messageId) {
        if (d.succeeded()) {
            events.publish(envelopes.causedBy(cause, 0, r.tick(), new EmailSent(r.orgId(), r.sendId(), r.runId(),
                    r.campaignId(), r.leadId(), r.mailboxId(), r.step(), r.toAddress(), messageId, r.tick())));
        } else {
            events.publish(envelopes.causedBy(cause, 0, r.tick(), new EmailSendFailed(r.orgId(), r.sendId(),
                    r.runId(), r.campaignId(), r.leadId(), r.mailboxId(), r.step(), r.toAddress(), d.kind(),
                    d.smtpCode(), d.detail(), r.tick(), d.failureClass(), d.retryAfterSeconds())));
        }
    }
}
