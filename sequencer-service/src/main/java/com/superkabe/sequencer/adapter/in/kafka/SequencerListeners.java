package com.superkabe.sequencer.adapter.in.kafka;

import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.sequencer.application.SequencerService;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The sequencer's single ordered input queue (seed 003), run by the one replica that holds the
 * {@code sequencer} lease (ADR 0052): {@link SequencerTenure} starts these listeners when this replica
 * takes the lease and stops them when it loses it, and every handling transaction is fenced by the
 * lease, so the inbox order stays one order across a failover. Within the holder, records from its seven input topics (and the organizations topic's mailing addresses, which the kit's
 * organization projector hands over through {@link #on}) are
 * handled one at a time, each in its own transaction, and the inbox records them in that order —
 * the order a replay feeds them back in. With more than one shard {@link SequencerShards} takes this
 * role (ADR 0065).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "superkabe.sequencer.shards",
        havingValue = "1", matchIfMissing = true)
class SequencerListeners implements com.superkabe.kit.security.OrganizationEventHandler {

    private final InboundHandler inbound;
    private final SequencerService sequencer;
    private final ReentrantLock queue = new ReentrantLock(true);
    private final com.superkabe.kit.jdbc.LeaseKeeper lease;

    SequencerListeners(InboundHandler inbound, SequencerService sequencer,
                       @org.springframework.beans.factory.annotation.Qualifier("sequencerLease")
                       com.superkabe.kit.jdbc.LeaseKeeper lease) {
        this.inbound = inbound;
        this.sequencer = sequencer;
        this.lease = lease;
    }

    /** A mailing address (or another organization fact), handled inside {@link #serialized}. */
    @Override
    public void on(com.superkabe.events.Envelope event) {
        decide(event);
    }

    /** Inside the inbox transaction: refused (and rolled back) unless this replica still holds the lease. */
    private void decide(com.superkabe.events.Envelope event) {
        try {
            lease.lease().fence();
        } catch (com.superkabe.kit.jdbc.LeaseLostException e) {
            lease.nudge();
            throw e;
        }
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

    @KafkaListener(id = SequencerTenure.INPUTS, idIsGroup = false, autoStartup = "false", topics = {
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
            inbound.handle(record, this::decide);
        } finally {
            queue.unlock();
        }
    }
}
