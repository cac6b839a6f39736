package com.superkabe.sendadapter.application;

import com.superkabe.events.Envelope;
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
 * A send in three phases so that no crash can cause a second delivery: claim the send id (own
 * transaction), talk to the provider (no transaction), settle and publish the outcome (own
 * transaction). The caller runs phases one and three in transactions.
 */
public class SendService {

    /** What phase one decided: deliver this email from this mailbox, or nothing more to do. */
    public record Plan(Mailbox mailbox, OutgoingEmail email) {
    }

    private final Mailboxes mailboxes;
    private final SendAttempts attempts;
    private final EventSink events;
    private final Envelopes envelopes;
    private final TrackingLinks tracking;

    public SendService(Mailboxes mailboxes, SendAttempts attempts, EventSink events, Envelopes envelopes,
                       TrackingLinks tracking) {
        this.mailboxes = mailboxes;
        this.attempts = attempts;
        this.events = events;
        this.envelopes = envelopes;
        this.tracking = tracking;
    }

    public Optional<Plan> claim(Envelope cause) {
        SendRequested r = cause.payloadAs(SendRequested.class);
        switch (SendGuard.decide(attempts.find(r.sendId()))) {
            case ALREADY_SETTLED -> {
                return Optional.empty();
            }
            case REPORT_AMBIGUOUS -> {
                Delivery d = new Delivery("AMBIGUOUS", 0, "interrupted during a previous attempt; not resent");
                attempts.settle(r.sendId(), AttemptState.AMBIGUOUS, d);
                publish(cause, r, d, null);
                return Optional.empty();
            }
            case DELIVER -> {
                Optional<Mailbox> mailbox = mailboxes.find(r.mailboxId()).filter(m -> m.orgId().equals(r.orgId()));
                if (mailbox.isEmpty() || !mailbox.get().canSend()) {
                    Delivery d = new Delivery("CONFIGURATION", 0, "mailbox " + r.mailboxId()
                            + " is not registered for this organization with sending settings");
                    attempts.claim(r, "-", AttemptState.FAILED);
                    attempts.settle(r.sendId(), AttemptState.FAILED, d);
                    publish(cause, r, d, null);
                    return Optional.empty();
                }
                Mailbox m = mailbox.get();
                String messageId = SendGuard.messageId(r.sendId(), m.domain());
                attempts.claim(r, messageId, AttemptState.ATTEMPTING);
                return Optional.of(new Plan(m, render(cause, r, messageId, m)));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Adds the unsubscribe link (header and body), the open pixel and click routing. Tokens are
     * issued at the request's time, so a replayed request renders the same message.
     */
    private OutgoingEmail render(Envelope cause, SendRequested r, String messageId, Mailbox m) {
        TrackedBody.Links links = tracking.links(r.sendId(), cause.time());
        return new OutgoingEmail(messageId, m.address(), r.toAddress(), r.toName(), r.subjectLine(),
                TrackedBody.render(r.body(), links), TrackedBody.isHtml(r.body()), links.unsubscribeUrl());
    }

    public void settle(Envelope cause, Plan plan, Delivery delivery) {
        SendRequested r = cause.payloadAs(SendRequested.class);
        attempts.settle(r.sendId(), delivery.succeeded() ? AttemptState.SENT
                : "AMBIGUOUS".equals(delivery.kind()) ? AttemptState.AMBIGUOUS : AttemptState.FAILED, delivery);
        publish(cause, r, delivery, plan.email().messageId());
    }

    private void publish(Envelope cause, SendRequested r, Delivery d, String messageId) {
        if (d.succeeded()) {
            events.publish(envelopes.causedBy(cause, 0, r.tick(), new EmailSent(r.orgId(), r.sendId(), r.runId(),
                    r.campaignId(), r.leadId(), r.mailboxId(), r.step(), r.toAddress(), messageId, r.tick())));
        } else {
            events.publish(envelopes.causedBy(cause, 0, r.tick(), new EmailSendFailed(r.orgId(), r.sendId(),
                    r.runId(), r.campaignId(), r.leadId(), r.mailboxId(), r.step(), r.toAddress(), d.kind(),
                    d.smtpCode(), d.detail(), r.tick())));
        }
    }
}
