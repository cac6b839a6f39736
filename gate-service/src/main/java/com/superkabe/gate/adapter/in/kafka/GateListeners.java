package com.superkabe.gate.adapter.in.kafka;

import com.superkabe.gate.application.GateService;
import com.superkabe.kit.kafka.InboundHandler;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.superkabe.events.clock.ClockTicked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds the gate's inputs to it. Offsets are acknowledged by hand (MANUAL) so that, while the gate's
 * database is unreachable, the {@link StoreOutageGuard} can keep a poll's unhandled records for a
 * retry on the logical clock instead of committing past them.
 */
@Component
class GateListeners {

    private static final Logger log = LoggerFactory.getLogger(GateListeners.class);

    static final String LEADS = "gate-leads";
    static final String CONFIG = "gate-config";
    static final String HEALTH = "gate-health";

    private final InboundHandler inbound;
    private final GateService gate;
    private final StoreOutageGuard guard;

    GateListeners(InboundHandler inbound, GateService gate, StoreOutageGuard guard) {
        this.inbound = inbound;
        this.gate = gate;
        this.guard = guard;
    }

    @KafkaListener(id = LEADS, idIsGroup = false, batch = "true", concurrency = "${superkabe.gate.lead-consumers:2}",
            ackMode = "MANUAL", topics = "#{T(com.superkabe.events.Topic).LEADS.topicName()}")
    void onLeads(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        guard.batch(LEADS, records, ack, () -> inbound.handleBatchTogether(records, gate::onLeadsAccepted, e -> {
            if (e.type() == com.superkabe.events.EventType.LEAD_ACCEPTED) {
                gate.onLeadAccepted(e);
            }
        }));
    }

    @KafkaListener(id = CONFIG, idIsGroup = false, ackMode = "MANUAL", topics = {
            "#{T(com.superkabe.events.Topic).CAMPAIGNS.topicName()}",
            "#{T(com.superkabe.events.Topic).MAILBOXES.topicName()}",
            "#{T(com.superkabe.events.Topic).PROTECTION_MODES.topicName()}"})
    void onConfiguration(ConsumerRecord<String, byte[]> record, Acknowledgment ack) {
        guard.record(CONFIG, record, ack, () -> inbound.handle(record, e -> {
            switch (e.type()) {
                case CAMPAIGN_CREATED -> gate.onCampaignCreated(e);
                case CAMPAIGN_STATUS_CHANGED -> gate.onCampaignStatusChanged(e);
                case MAILBOX_REGISTERED -> gate.onMailboxRegistered(e);
                case PROTECTION_MODE_CHANGED -> gate.onModeChanged(e);
                case PROTECTION_WATERMARK -> gate.onProtectionWatermark(e);
                default -> {
                }
            }
        }));
    }

    @KafkaListener(id = HEALTH, idIsGroup = false, ackMode = "MANUAL", topics = {
            "#{T(com.superkabe.events.Topic).MAILBOX_STATES.topicName()}",
            "#{T(com.superkabe.events.Topic).DOMAIN_STATES.topicName()}",
            "#{T(com.superkabe.events.Topic).SEND_OUTCOMES.topicName()}"}, batch = "true")
    void onHealth(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        guard.batch(HEALTH, records, ack, () -> inbound.handleBatch(records, e -> {
            switch (e.type()) {
                case MAILBOX_STATE_CHANGED -> gate.onMailboxStateChanged(e);
                case DOMAIN_STATE_CHANGED -> gate.onDomainStateChanged(e);
                case EMAIL_SENT -> gate.onSent(e);
                case EMAIL_SEND_FAILED -> gate.onSendFailed(e);
                default -> {
                }
            }
        }));
    }

    /**
     * The clock's work, in the gate's consumer group: the one partition of the clock topic is one
     * replica's, which advances the shared gate clock and fires the retries due (ADR 0060). A tick the
     * database cannot take is skipped, not retried: the next tick advances the gate's clock past it and
     * fires every retry due by then.
     */
    @KafkaListener(id = "gate-clock", idIsGroup = false, topics = "#{T(com.superkabe.events.Topic).CLOCK.topicName()}")
    void onTick(ConsumerRecord<String, byte[]> record) {
        try {
            inbound.handle(record, gate::onTick);
        } catch (RuntimeException e) {
            if (!StoreFailures.unavailable(e)) {
                throw e;
            }
            log.warn("Gate store unavailable: tick {} not recorded; a later tick takes its place", tickOf(record));
        }
    }

    /**
     * Every replica notes every tick in memory, outside the consumer group (the partition assigned by
     * hand from its end, nothing committed), so its inputs waiting for the database resume on the
     * logical clock even while the database is down and even if the group gave the clock to another
     * replica (ADR 0060).
     */
    @KafkaListener(id = "gate-clock-watch", groupId = "${spring.application.name}-clock-watch", ackMode = "MANUAL",
            topicPartitions = @TopicPartition(topic = "#{T(com.superkabe.events.Topic).CLOCK.topicName()}",
                    partitionOffsets = @PartitionOffset(partition = "0", initialOffset = "0", seekPosition = "END")))
    void onTickSeen(ConsumerRecord<String, byte[]> record) {
        long tick = tickOf(record);
        if (tick >= 0) {
            guard.ticked(tick);
        }
    }

    private long tickOf(ConsumerRecord<String, byte[]> record) {
        try {
            return inbound.decode(record).payload() instanceof ClockTicked t ? t.tick() : -1;
        } catch (RuntimeException unreadable) {
            return -1; // the group's listener dead-letters it; the watch only looks for ticks
        }
    }
}
