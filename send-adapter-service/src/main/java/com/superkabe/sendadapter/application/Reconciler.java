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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles AMBIGUOUS sends (ADR 0007: never resent) by looking for the engine's Message-ID in the
 * mailbox's Sent folder after {@code delay}, up to {@code maxChecks} times, {@code delay} apart. Found:
 * EmailSent. Never found, or no way to look: EmailSendFailed AMBIGUOUS. A lookup that fails (the IMAP
 * login refused, an API error) is no check: failures are counted apart, up to {@code maxChecks} too,
 * and the detail says the folder could not be searched. The waiting list is in the
 * database, so a restart resumes it.
 */
public class Reconciler {

    private final PendingReconciliations pending;
    private final SentCopies sentCopies;
    private final Mailboxes mailboxes;
    private final SendAttempts attempts;
    private final EventSink events;
    private final Envelopes envelopes;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration delay;
    private final int maxChecks;

    public Reconciler(PendingReconciliations pending, SentCopies sentCopies, Mailboxes mailboxes,
                      SendAttempts attempts, EventSink events, Envelopes envelopes, TransactionTemplate tx,
                      Clock clock, Duration delay, int maxChecks) {
        this.pending = pending;
        this.sentCopies = sentCopies;
        this.mailboxes = mailboxes;
        this.attempts = attempts;
        this.events = events;
        this.envelopes = envelopes;
        this.tx = tx;
        this.clock = clock;
        this.delay = delay;
        this.maxChecks = maxChecks;
    }

    /** In the caller's transaction: queue the send for its first check, or report it at once if checks are off. */
    public void reconcileOrReport(Envelope cause, Delivery ambiguous) {
        SendRequested r = cause.payloadAs(SendRequested.class);
        if (maxChecks < 1) {
            reportAmbiguous(cause, r, ambiguous.detail());
            return;
        }
        Optional<Mailbox> m = mailboxes.find(r.mailboxId());
        String messageId = m.map(x -> SendGuard.messageId(r.sendId(), x.domain())).orElse("-");
        pending.add(cause, messageId, ambiguous.detail(), clock.instant().plus(delay));
    }

    /** Checks every due send once; returns how many were settled. Runs outside any transaction. */
    public int runDue() {
        int settled = 0;
        for (PendingReconciliations.Pending p : pending.due(clock.instant(), 50)) {
            SendRequested r = p.cause().payloadAs(SendRequested.class);
            Optional<Mailbox> mailbox = mailboxes.find(r.mailboxId());
            SentCopies.Lookup lookup = mailbox.isEmpty() ? SentCopies.Lookup.UNAVAILABLE
                    : sentCopies.find(mailbox.get(), p.messageId());
            if (lookup == SentCopies.Lookup.FOUND) {
                settled += settle(p, AttemptState.SENT, Delivery.sent("found in the Sent folder after the "
                        + "connection was lost"));
                continue;
            }
            int checks = p.checks() + (lookup == SentCopies.Lookup.NOT_FOUND ? 1 : 0);
            int failed = p.failedLookups() + (lookup == SentCopies.Lookup.FAILED ? 1 : 0);
            String why = ending(lookup, checks, failed);
            if (why != null) {
                settled += settle(p, AttemptState.AMBIGUOUS, Delivery.ambiguous(p.detail() + "; " + why
                        + "; not resent"));
            } else {
                pending.postpone(r.sendId(), checks, failed, clock.instant().plus(delay));
            }
        }
        return settled;
    }

    /** Why reconciliation ends here without finding the message, or null to look again later. */
    private String ending(SentCopies.Lookup lookup, int checks, int failed) {
        if (lookup == SentCopies.Lookup.UNAVAILABLE) {
            return "no way to look in the mailbox's Sent folder";
        }
        if (checks >= maxChecks) {
            return "not found in the Sent folder after " + checks + " checks"
                    + (failed > 0 ? " (" + failed + " more lookups failed)" : "");
        }
        if (failed >= maxChecks) {
            return "could not look in the Sent folder: the lookup failed " + failed + " times"
                    + (checks > 0 ? " (not found in the " + checks + " checks made)" : "");
        }
        return null;
    }

    private int settle(PendingReconciliations.Pending p, AttemptState state, Delivery d) {
        SendRequested r = p.cause().payloadAs(SendRequested.class);
        Boolean done = tx.execute(s -> {
            if (!pending.remove(r.sendId())) {
                return false;
            }
            attempts.settle(r.sendId(), state, d);
            if (d.succeeded()) {
                events.publish(envelopes.causedBy(p.cause(), 0, r.tick(), new EmailSent(r.orgId(), r.sendId(),
                        r.runId(), r.campaignId(), r.leadId(), r.mailboxId(), r.step(), r.toAddress(), p.messageId(),
                        r.tick())));
            } else {
                reportAmbiguous(p.cause(), r, d.detail());
            }
            return true;
        });
        return Boolean.TRUE.equals(done) ? 1 : 0;
    }

    private void reportAmbiguous(Envelope cause, SendRequested r, String detail) {
        Delivery d = Delivery.ambiguous(detail);
        events.publish(envelopes.causedBy(cause, 0, r.tick(), new EmailSendFailed(r.orgId(), r.sendId(), r.runId(),
                r.campaignId(), r.leadId(), r.mailboxId(), r.step(), r.toAddress(), d.kind(), d.smtpCode(),
                d.detail(), r.tick(), d.failureClass(), null)));
    }
}
