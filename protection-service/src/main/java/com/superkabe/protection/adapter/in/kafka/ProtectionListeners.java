package com.superkabe.protection.adapter.in.kafka;

import com.superkabe.events.EventType;
import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.protection.application.ProtectionService;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Feeds registrations, send outcomes (a poll per transaction), asynchronous bounces and clock ticks
 * to protection.
 */
@Component
class ProtectionListeners {

    private final InboundHandler inbound;
    private final ProtectionService protection;

    ProtectionListeners(InboundHandler inbound, ProtectionService protection) {
        this.inbound = inbound;
        this.protection = protection;
    }

    /** Registrations a poll at a time too: a fleet is often connected in bulk. */
    @KafkaListener(id = "protection-mailboxes", idIsGroup = false, batch = "true",
            topics = "#{T(com.superkabe.events.Topic).MAILBOXES.topicName()}")
    void onMailboxes(List<ConsumerRecord<String, byte[]>> records) {
        inbound.handleBatch(records, e -> {
            if (e.type() == EventType.MAILBOX_REGISTERED) {
                protection.onMailboxRegistered(e);
            }
        });
    }

    /**
     * A poll's outcomes in one transaction (per-record fallback in the kit): at thousands of
     * outcomes a second a commit per outcome is what the consumer would spend its time on. The
     * batch's locks are taken up front in sorted order (records are keyed by mailbox id), so
     * concurrent batches touching the same domains wait instead of deadlocking.
     */
    @KafkaListener(id = "protection-send-outcomes", idIsGroup = false, concurrency = "3", batch = "true",
            topics = "#{T(com.superkabe.events.Topic).SEND_OUTCOMES.topicName()}")
    void onSendOutcomes(List<ConsumerRecord<String, byte[]>> records) {
        List<String> mailboxIds = records.stream().map(ConsumerRecord::key).filter(Objects::nonNull).toList();
        inbound.handleBatch(records, e -> {
            switch (e.type()) {
                case EMAIL_SENT, EMAIL_SEND_FAILED -> {
                    lockOncePerTransaction(mailboxIds);
                    protection.onSendOutcome(e);
                }
                default -> {
                }
            }
        });
    }

    private void lockOncePerTransaction(List<String> mailboxIds) {
        if (!TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ProtectionListeners.this);
                }
            });
            protection.lockAll(mailboxIds);
        }
    }

    /**
     * Asynchronous bounces (DSNs the reply poller found, ADR 0015) count like SMTP-time bounces;
     * complaints feed the complaint rate (ADR 0026); replies on the same topic are not protection's inputs. A record per
     * transaction: bounces are rare next to send outcomes, and the two locks a bounce takes (its
     * domain's, then its mailbox's) follow the batches' order, so they cannot deadlock with them.
     */
    @KafkaListener(id = "protection-replies", idIsGroup = false,
            topics = "#{T(com.superkabe.events.Topic).REPLIES.topicName()}")
    void onReplies(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, e -> {
            switch (e.type()) {
                case EMAIL_BOUNCED -> protection.onBounce(e);
                case COMPLAINT_RECEIVED -> protection.onComplaint(e);
                default -> {
                }
            }
        });
    }

    @KafkaListener(id = "protection-clock", idIsGroup = false,
            topics = "#{T(com.superkabe.events.Topic).CLOCK.topicName()}")
    void onTick(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, e -> {
            if (e.type() == EventType.CLOCK_TICKED) {
                protection.onTick(e);
            }
        });
    }
}
