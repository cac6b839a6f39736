package com.superkabe.protection.adapter.in.kafka;

import com.superkabe.events.EventType;
import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.protection.application.ProtectionService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds registrations, send outcomes and clock ticks to protection, one transaction per event. */
@Component
class ProtectionListeners {

    private final InboundHandler inbound;
    private final ProtectionService protection;

    ProtectionListeners(InboundHandler inbound, ProtectionService protection) {
        this.inbound = inbound;
        this.protection = protection;
    }

    @KafkaListener(id = "protection-mailboxes", idIsGroup = false,
            topics = "#{T(com.superkabe.events.Topic).MAILBOXES.topicName()}")
    void onMailbox(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, e -> {
            if (e.type() == EventType.MAILBOX_REGISTERED) {
                protection.onMailboxRegistered(e);
            }
        });
    }

    @KafkaListener(id = "protection-send-outcomes", idIsGroup = false, concurrency = "3",
            topics = "#{T(com.superkabe.events.Topic).SEND_OUTCOMES.topicName()}")
    void onSendOutcome(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, e -> {
            switch (e.type()) {
                case EMAIL_SENT, EMAIL_SEND_FAILED -> protection.onSendOutcome(e);
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
