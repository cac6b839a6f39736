package com.superkabe.sequencer.adapter.in.kafka;

import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.sequencer.application.SequencerService;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The sequencer's single ordered input queue (seed 003): records from its seven input topics (and the organizations topic's mailing addresses, which the kit's
 * organization projector hands over through {@link #on}) are
 * handled one at a time, each in its own transaction, and the inbox records them in that order —
 * the order a replay feeds them back in.
 */
@Component
class SequencerListeners implements com.superkabe.kit.security.OrganizationEventHandler {

    private final InboundHandler inbound;
    private final SequencerService sequencer;
    private final ReentrantLock queue = new ReentrantLock(true);

    SequencerListeners(InboundHandler inbound, SequencerService sequencer) {
        this.inbound = inbound;
        this.sequencer = sequencer;
    }

    /** A mailing address (or another organization fact), handled inside {@link #serialized}. */
    @Override
    public void on(com.superkabe.events.Envelope event) {
        sequencer.onInput(event);
    }

    /** The organizations record's inbox row and handling happen under the queue's lock, as every other input's. */
    @Override
    public void serialized(Runnable handling) {
        queue.lock();
        try {
            handling.run();
        } finally {
            queue.unlock();
        }
    }

    @KafkaListener(id = "sequencer-inputs", idIsGroup = false, topics = {
            "#{T(com.superkabe.events.Topic).GATE_DECISIONS.topicName()}",
            "#{T(com.superkabe.events.Topic).CLOCK.topicName()}",
            "#{T(com.superkabe.events.Topic).SEND_OUTCOMES.topicName()}",
            "#{T(com.superkabe.events.Topic).REPLIES.topicName()}",
            "#{T(com.superkabe.events.Topic).MAILBOX_STATES.topicName()}",
            "#{T(com.superkabe.events.Topic).MAILBOXES.topicName()}",
            "#{T(com.superkabe.events.Topic).CAMPAIGNS.topicName()}"})
    void onInput(ConsumerRecord<String, byte[]> record) {
        queue.lock();
        try {
            inbound.handle(record, sequencer::onInput);
        } finally {
            queue.unlock();
        }
    }
}
