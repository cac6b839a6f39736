package com.superkabe.gate.adapter.in.kafka;

import com.superkabe.gate.application.GateService;
import com.superkabe.kit.kafka.InboundHandler;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the gate's inputs to it, one transaction per event. */
@Component
class GateListeners {

    private final InboundHandler inbound;
    private final GateService gate;

    GateListeners(InboundHandler inbound, GateService gate) {
        this.inbound = inbound;
        this.gate = gate;
    }

    @KafkaListener(id = "gate-leads", idIsGroup = false, batch = "true", concurrency = "${superkabe.gate.lead-consumers:2}",
            topics = "#{T(com.superkabe.events.Topic).LEADS.topicName()}")
    void onLeads(List<ConsumerRecord<String, byte[]>> records) {
        inbound.handleBatchTogether(records, gate::onLeadsAccepted, e -> {
            if (e.type() == com.superkabe.events.EventType.LEAD_ACCEPTED) {
                gate.onLeadAccepted(e);
            }
        });
    }

    @KafkaListener(id = "gate-config", idIsGroup = false, topics = {
            "#{T(com.superkabe.events.Topic).CAMPAIGNS.topicName()}",
            "#{T(com.superkabe.events.Topic).MAILBOXES.topicName()}",
            "#{T(com.superkabe.events.Topic).PROTECTION_MODES.topicName()}"})
    void onConfiguration(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, e -> {
            switch (e.type()) {
                case CAMPAIGN_CREATED -> gate.onCampaignCreated(e);
                case CAMPAIGN_STATUS_CHANGED -> gate.onCampaignStatusChanged(e);
                case MAILBOX_REGISTERED -> gate.onMailboxRegistered(e);
                case PROTECTION_MODE_CHANGED -> gate.onModeChanged(e);
                case PROTECTION_WATERMARK -> gate.onProtectionWatermark(e);
                default -> {
                }
            }
        });
    }

    @KafkaListener(id = "gate-health", idIsGroup = false, topics = {
            "#{T(com.superkabe.events.Topic).MAILBOX_STATES.topicName()}",
            "#{T(com.superkabe.events.Topic).DOMAIN_STATES.topicName()}",
            "#{T(com.superkabe.events.Topic).SEND_OUTCOMES.topicName()}"}, batch = "true")
    void onHealth(List<ConsumerRecord<String, byte[]>> records) {
        inbound.handleBatch(records, e -> {
            switch (e.type()) {
                case MAILBOX_STATE_CHANGED -> gate.onMailboxStateChanged(e);
                case DOMAIN_STATE_CHANGED -> gate.onDomainStateChanged(e);
                case EMAIL_SENT -> gate.onSent(e);
                case EMAIL_SEND_FAILED -> gate.onSendFailed(e);
                default -> {
                }
            }
        });
    }

    @KafkaListener(id = "gate-clock", idIsGroup = false, topics = "#{T(com.superkabe.events.Topic).CLOCK.topicName()}")
    void onTick(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, gate::onTick);
    }
}
