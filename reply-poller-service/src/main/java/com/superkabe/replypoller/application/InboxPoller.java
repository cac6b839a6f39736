package com.superkabe.replypoller.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.replypoller.domain.Classification;
import com.superkabe.replypoller.domain.InboxMessage;
import com.superkabe.replypoller.domain.MessageIds;
import com.superkabe.replypoller.domain.InboxClassifier;
import com.superkabe.replypoller.domain.SentMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One poll of every inbox. Each reply becomes exactly one ReplyReceived, each bounce one
 * EmailBounced per failed recipient, each feedback report one ComplaintReceived; an auto-reply
 * publishes nothing (it must not stop the sequence) and is counted. Recording the Message-ID as
 * processed and publishing commit together. Unmatched messages are left for the next poll; a
 * mailbox that cannot be read is logged and skipped, never stopping the others. An API inbox (ADR 0021)
 * is read from its saved cursor, which moves on only after the messages it covered were handled; a
 * mailbox its provider throttled is not asked again before the Retry-After has passed.
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
    private final Map<String, Instant> throttledUntil = new ConcurrentHashMap<>();

    public InboxPoller(Mailboxes mailboxes, SentMessages sent, ProcessedReplies processed, MailReader reader,
                       InboxCursors cursors, EventSink events, Envelopes envelopes, TransactionTemplate tx,
                       MeterRegistry meters, int maxMessages, Clock clock) {
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
    }

    public void pollAll() {
        for (PolledMailbox mailbox : mailboxes.readable()) {
            Instant until = throttledUntil.get(mailbox.mailboxId());
            if (until != null && clock.instant().isBefore(until)) {
                count("polls", "throttled");
                continue;
            }
            throttledUntil.remove(mailbox.mailboxId());
            try {
                poll(mailbox);
                count("polls", "ok");
            } catch (MailReader.MailboxUnreachable e) {
                if (e.kind() == MailReader.MailboxUnreachable.Kind.THROTTLED) {
                    throttledUntil.put(mailbox.mailboxId(), clock.instant().plus(e.retryAfter()));
                }
                log.warn("Mailbox {}: inbox not readable ({}): {}", mailbox.mailboxId(), e.kind(), e.getMessage());
                count("polls", "failed");
                count("errors", e.kind().name().toLowerCase(Locale.ROOT));
            } catch (RuntimeException e) {
                log.error("Mailbox {}: poll failed", mailbox.mailboxId(), e);
                count("polls", "failed");
                count("errors", "internal");
            }
        }
    }

    private void poll(PolledMailbox mailbox) throws MailReader.MailboxUnreachable {
        String from = mailbox.readThroughApi() ? cursors.find(mailbox.mailboxId()).orElse(null) : null;
        MailReader.Inbox inbox = reader.read(mailbox, from, maxMessages);
        handle(mailbox, inbox.messages());
        if (inbox.cursor() != null && !inbox.cursor().equals(from)) {
            // only now: a crash before this line re-reads the same messages, and processed_message dedupes them
            cursors.save(mailbox.mailboxId(), inbox.cursor());
        }
    }

    private void handle(PolledMailbox mailbox, List<InboxMessage> messages) {
        Set<String> ownIds = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        for (InboxMessage m : messages) {
            MessageIds.normalise(m.messageId()).ifPresent(ownIds::add);
            referenced.addAll(InboxClassifier.referencedIds(m));
        }
        Set<String> done = ownIds.isEmpty() ? Set.of() : processed.processedAmong(mailbox.mailboxId(), ownIds);
        Map<String, SentMessage> known = referenced.isEmpty() ? Map.of() : sent.findAll(referenced);
        for (InboxMessage m : messages) {
            Optional<String> own = MessageIds.normalise(m.messageId());
            if (own.isPresent() && done.contains(own.get())) {
                count("messages", "already_processed");
                continue;
            }
            switch (InboxClassifier.classify(m, mailbox.orgId(), id -> Optional.ofNullable(known.get(id)))) {
                case Classification.Reply r -> publish(mailbox, r);
                case Classification.Bounce b -> record(mailbox, b.dsnMessageId(), "bounce",
                        automated.bounces(mailbox, b), () -> log.info("Mailbox {}: bounce {} for {} (send {})",
                                mailbox.mailboxId(), b.dsnMessageId(), b.recipients(),
                                b.original() == null ? "unknown" : b.original().sendId()));
                case Classification.FeedbackReport f -> record(mailbox, f.reportMessageId(), "complaint",
                        List.of(automated.complaint(mailbox, f)), () -> log.info("Mailbox {}: {} complaint {}",
                                mailbox.mailboxId(), f.feedbackType(), f.reportMessageId()));
                case Classification.AutoReply a -> record(mailbox, a.messageId(), "auto_reply", List.of(),
                        () -> autoReply(mailbox, a));
                case Classification.Unmatched u -> count("messages", "unmatched");
            }
        }
    }

    private void autoReply(PolledMailbox mailbox, Classification.AutoReply a) {
        meters.counter(METRIC + "auto_replies").increment();
        log.info("Mailbox {}: auto-reply {} ({}) to send {}; the sequence goes on", mailbox.mailboxId(),
                a.messageId(), a.signal(), a.answered() == null ? "unknown" : a.answered().sendId());
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
            log.info("Mailbox {}: reply {} to send {} (run {})", mailbox.mailboxId(), replyId, s.sendId(), s.runId());
            count("messages", "reply");
        } else {
            count("messages", "already_processed");
        }
    }

    private void count(String what, String outcome) {
        meters.counter(METRIC + what, "outcome", outcome).increment();
    }
}
