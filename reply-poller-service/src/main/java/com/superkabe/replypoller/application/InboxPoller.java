package com.superkabe.replypoller.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.replypoller.domain.Classification;
import com.superkabe.mailguard.ControlCharacters;
import com.superkabe.replypoller.domain.InboxMessage;
import com.superkabe.replypoller.domain.MessageIds;
import com.superkabe.replypoller.domain.InboxClassifier;
import com.superkabe.replypoller.domain.SentMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls the inboxes the {@link PollSchedule} says are due, each on a worker (ADR 0027). Each reply becomes exactly one ReplyReceived, each bounce one
 * EmailBounced per failed recipient, each feedback report one ComplaintReceived; an auto-reply
 * publishes nothing (it must not stop the sequence) and is counted. Recording the Message-ID as
 * processed and publishing commit together. Unmatched messages are left for the next poll; a
 * mailbox that cannot be read is logged and skipped, never stopping the others. An API inbox (ADR 0021)
 * is read from its saved cursor, which moves on only after the messages it covered were handled; a
 * mailbox its provider throttled is not asked again before the Retry-After has passed. Because that cursor
 * never comes back, a reply-looking message of an API inbox that matches nothing yet (its EmailSent may
 * still be on its way) is kept and matched again on each poll for {@code unmatchedRetry}.
 */
public class InboxPoller {

    private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);
    private static final String METRIC = "superkabe_replypoller_";

    private final Mailboxes mailboxes;
    private final SentMessages sent;
    private final ProcessedReplies processed;
    private final MailReader reader;
    private final InboxCursors cursors;
    private final EventSink events;
    private final Envelopes envelopes;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final int maxMessages;
    private final AutomatedMailEvents automated;
    private final Clock clock;
    private final UnmatchedMessages unmatched;
    private final Duration unmatchedRetry;
    private static final Duration FORGET_EVERY = Duration.ofSeconds(10);

    private final PollShare share;
    private final Map<String, Instant> throttledUntil = new ConcurrentHashMap<>();
    private volatile Instant lastForgotten;

    public InboxPoller(Mailboxes mailboxes, SentMessages sent, ProcessedReplies processed, MailReader reader,
                       InboxCursors cursors, EventSink events, Envelopes envelopes, TransactionTemplate tx,
                       MeterRegistry meters, int maxMessages, Clock clock, UnmatchedMessages unmatched,
                       Duration unmatchedRetry, PollShare share) {
        this.share = share;
        this.mailboxes = mailboxes;
        this.sent = sent;
        this.processed = processed;
        this.reader = reader;
        this.cursors = cursors;
        this.clock = clock;
        this.events = events;
        this.envelopes = envelopes;
        this.tx = tx;
        this.meters = meters;
        this.maxMessages = maxMessages;
        this.automated = new AutomatedMailEvents(envelopes);
        this.unmatched = unmatched;
        this.unmatchedRetry = unmatchedRetry;
    }

    /**
     * Starts a poll of every mailbox of this replica's share that the schedule says is due, each on {@code workers}; returns at once.
     * A poll that fails is logged and counted, and never stops the others.
     */
    public void pollDue(PollSchedule schedule, Executor workers) {
        forgetExpiredUnmatched();
        List<PolledMailbox> mine = mailboxes.readable().stream().filter(m -> share.owns(m.mailboxId())).toList();
        for (PolledMailbox mailbox : schedule.start(mine, clock.instant())) {
            try {
                workers.execute(() -> {
                    try {
                        pollOne(mailbox);
                    } finally {
                        schedule.finished(mailbox, clock.instant());
                    }
                });
            } catch (RejectedExecutionException e) {
                schedule.finished(mailbox, clock.instant());
            }
        }
    }

    private void forgetExpiredUnmatched() {
        Instant now = clock.instant();
        if (lastForgotten != null && now.isBefore(lastForgotten.plus(FORGET_EVERY))) {
            return;
        }
        lastForgotten = now;
        int expired = unmatched.forgetSeenBefore(now.minus(unmatchedRetry));
        if (expired > 0) {
            log.info("{} unmatched API inbox messages are older than {} and no longer matched again", expired,
                    unmatchedRetry);
        }
    }

    private void pollOne(PolledMailbox mailbox) {
        Instant until = throttledUntil.get(mailbox.mailboxId());
        if (until != null && clock.instant().isBefore(until)) {
            count("polls", "throttled");
            return;
        }
        throttledUntil.remove(mailbox.mailboxId());
        try {
            poll(mailbox);
            count("polls", "ok");
        } catch (MailReader.MailboxUnreachable e) {
            if (e.kind() == MailReader.MailboxUnreachable.Kind.THROTTLED) {
                throttledUntil.put(mailbox.mailboxId(), clock.instant().plus(e.retryAfter()));
            }
            log.warn("Mailbox {}: inbox not readable ({}): {}", safe(mailbox.mailboxId()), e.kind(),
                    safe(e.getMessage()));
            count("polls", "failed");
            count("errors", e.kind().name().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            // the exception's text may carry mailbox fields: escaped here, the stack trace only at debug
            log.error("Mailbox {}: poll failed: {}", safe(mailbox.mailboxId()), safe(e));
            log.debug("Mailbox poll failure", e);
            count("polls", "failed");
            count("errors", "internal");
        }
    }

    /** A value from a mailbox or a message, made safe to write on one log line (ADR 0027). */
    private static String safe(Object value) {
        return ControlCharacters.escaped(value);
    }

    private void poll(PolledMailbox mailbox) throws MailReader.MailboxUnreachable {
        String from = mailbox.readThroughApi() ? cursors.find(mailbox.mailboxId()).orElse(null) : null;
        MailReader.Inbox inbox = reader.read(mailbox, from, maxMessages);
        List<InboxMessage> retried = mailbox.readThroughApi()
                ? unmatched.seenSince(mailbox.mailboxId(), clock.instant().minus(unmatchedRetry)) : List.of();
        handle(mailbox, inbox.messages(), retried);
        if (inbox.cursor() != null && !inbox.cursor().equals(from)) {
            // only now: a crash before this line re-reads the same messages, and processed_message dedupes them
            cursors.save(mailbox.mailboxId(), inbox.cursor());
        }
    }

    /**
     * Handles the messages read and, for an API inbox, the earlier unmatched ones again. A reply-looking
     * message read now that matches nothing is kept for later polls (before the cursor moves past it); a
     * kept one is forgotten once it is handled. One that stays unmatched is counted on its first reading only.
     */
    private void handle(PolledMailbox mailbox, List<InboxMessage> read, List<InboxMessage> retried) {
        List<InboxMessage> messages = new ArrayList<>(read);
        Set<String> readIds = new HashSet<>();
        read.forEach(m -> MessageIds.normalise(m.messageId()).ifPresent(readIds::add));
        Set<String> retriedIds = new HashSet<>();
        for (InboxMessage m : retried) {
            MessageIds.normalise(m.messageId()).filter(id -> !readIds.contains(id)).ifPresent(id -> {
                retriedIds.add(id);
                messages.add(m);
            });
        }
        Set<String> ownIds = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        for (InboxMessage m : messages) {
            MessageIds.normalise(m.messageId()).ifPresent(ownIds::add);
            referenced.addAll(InboxClassifier.referencedIds(m));
        }
        Set<String> done = ownIds.isEmpty() ? Set.of() : processed.processedAmong(mailbox.mailboxId(), ownIds);
        Map<String, SentMessage> known = referenced.isEmpty() ? Map.of() : sent.findAll(referenced);
        List<InboxMessage> keep = new ArrayList<>();
        Set<String> handled = new HashSet<>();
        for (InboxMessage m : messages) {
            Optional<String> own = MessageIds.normalise(m.messageId());
            boolean again = own.isPresent() && retriedIds.contains(own.get());
            if (own.isPresent() && done.contains(own.get())) {
                if (again) {
                    handled.add(own.get());
                } else {
                    count("messages", "already_processed");
                }
                continue;
            }
            switch (InboxClassifier.classify(m, mailbox.orgId(), id -> Optional.ofNullable(known.get(id)))) {
                case Classification.Reply r -> publish(mailbox, r);
                case Classification.Bounce b -> record(mailbox, b.dsnMessageId(), "bounce",
                        automated.bounces(mailbox, b), () -> log.info("Mailbox {}: bounce {} for {} (send {})",
                                safe(mailbox.mailboxId()), safe(b.dsnMessageId()), safe(b.recipients()),
                                b.original() == null ? "unknown" : safe(b.original().sendId())));
                case Classification.FeedbackReport f -> record(mailbox, f.reportMessageId(), "complaint",
                        List.of(automated.complaint(mailbox, f)), () -> log.info("Mailbox {}: {} complaint {}",
                                safe(mailbox.mailboxId()), safe(f.feedbackType()), safe(f.reportMessageId())));
                case Classification.AutoReply a -> record(mailbox, a.messageId(), "auto_reply", List.of(),
                        () -> autoReply(mailbox, a));
                case Classification.Unmatched u -> {
                    if (again) {
                        continue;
                    }
                    count("messages", "unmatched");
                    if (mailbox.readThroughApi() && mayAnswerLater(m)) {
                        keep.add(m);
                    }
                    continue;
                }
            }
            if (again) {
                handled.add(own.get());
            }
        }
        if (!keep.isEmpty()) {
            unmatched.keep(mailbox.mailboxId(), keep, clock.instant());
        }
        if (!handled.isEmpty()) {
            unmatched.forget(mailbox.mailboxId(), handled);
        }
    }

    /**
     * An unmatched message that could still turn out to be a reply once its EmailSent arrives: it has its
     * own Message-ID, points at some message, and is ordinary mail (a report or bounce keeps its body).
     */
    private static boolean mayAnswerLater(InboxMessage m) {
        return MessageIds.normalise(m.messageId()).isPresent() && !InboxClassifier.referencedIds(m).isEmpty()
                && m.content().parts().isEmpty();
    }

    private void autoReply(PolledMailbox mailbox, Classification.AutoReply a) {
        meters.counter(METRIC + "auto_replies").increment();
        log.info("Mailbox {}: auto-reply {} ({}) to send {}; the sequence goes on", safe(mailbox.mailboxId()),
                safe(a.messageId()), safe(a.signal()), a.answered() == null ? "unknown" : safe(a.answered().sendId()));
    }

    /**
     * Marks a machine-written message processed and publishes its events in one transaction, so a
     * bounce yields its events once however often it is polled; {@code then} runs only the first time.
     */
    private void record(PolledMailbox mailbox, String messageId, String outcome, List<Envelope> toPublish,
                        Runnable then) {
        Boolean first = tx.execute(status -> {
            if (!processed.markProcessed(mailbox.mailboxId(), messageId,
                    EventIds.derive(mailbox.mailboxId() + "/" + messageId))) {
                return false;
            }
            toPublish.forEach(events::publish);
            return true;
        });
        if (Boolean.TRUE.equals(first)) {
            then.run();
            count("messages", outcome);
        } else {
            count("messages", "already_processed");
        }
    }

    private void publish(PolledMailbox mailbox, Classification.Reply reply) {
        String name = mailbox.mailboxId() + "/" + reply.replyMessageId();
        String replyId = EventIds.derive(name);
        SentMessage s = reply.answered();
        Boolean published = tx.execute(status -> {
            if (!processed.markProcessed(mailbox.mailboxId(), reply.replyMessageId(), replyId)) {
                return false;
            }
            events.publish(envelopes.origin("reply/" + name, -1, new ReplyReceived(mailbox.orgId(), replyId,
                    mailbox.mailboxId(), s.sendId(), s.runId(), s.leadId(), MessageIds.bracketed(s.messageId()),
                    reply.fromAddress(), reply.subject())));
            return true;
        });
        if (Boolean.TRUE.equals(published)) {
            log.info("Mailbox {}: reply {} to send {} (run {})", safe(mailbox.mailboxId()), replyId, safe(s.sendId()),
                    safe(s.runId()));
            count("messages", "reply");
        } else {
            count("messages", "already_processed");
        }
    }

    private void count(String what, String outcome) {
        meters.counter(METRIC + what, "outcome", outcome).increment();
    }
}
