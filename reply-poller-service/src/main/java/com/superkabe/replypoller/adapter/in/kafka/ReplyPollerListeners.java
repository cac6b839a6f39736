package com.superkabe.replypoller.adapter.in.kafka;

import com.superkabe.events.EventType;
import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.replypoller.application.MailboxDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the poller's mailboxes and sent Message-IDs current, one transaction per event. */
@Component
class ReplyPollerListeners {

    private final InboundHandler inbound;
    private final MailboxDirectory directory;

    ReplyPollerListeners(InboundHandler inbound, MailboxDirectory directory) {
        this.inbound = inbound;
        this.directory = directory;
    }

    /** Its partition assignment is also this replica's share of the mailboxes to poll ({@link MailboxPartitionShare}). */
    @KafkaListener(id = MailboxPartitionShare.LISTENER, idIsGroup = false,
            topics = "#{T(com.superkabe.events.Topic).MAILBOXES.topicName()}")
    void onMailbox(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, e -> {
            if (e.type() == EventType.MAILBOX_REGISTERED) {
                directory.onMailboxRegistered(e);
            }
        });
    }

    @KafkaListener(id = "reply-poller-send-outcomes", idIsGroup = false,
            topics = "#{T(com.superkabe.events.Topic).SEND_OUTCOMES.topicName()}")
    void onSendOutcome(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, e -> {
            // EmailSendFailed: nothing was delivered, so nothing can be replied to
            if (e.type() == EventType.EMAIL_SENT) {
                directory.onEmailSent(e);
            }
        });
    }
}
