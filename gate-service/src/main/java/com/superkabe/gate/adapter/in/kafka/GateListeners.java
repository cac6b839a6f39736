package com.superkabe.gate.adapter.in.kafka;

import com.superkabe.events.EventType;
import com.superkabe.gate.application.GateService;
import com.superkabe.kit.kafka.InboundHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds accepted leads and campaign facts to the gate, one transaction per event. */
@Component
class GateListeners {

    private final InboundHandler inbound;
    private final GateService gate;

    GateListeners(InboundHandler inbound, GateService gate) {
        this.inbound = inbound;
        this.gate = gate;
    }

    @KafkaListener(id = "gate-leads", idIsGroup = false, topics = "#{T(com.superkabe.events.Topic).LEADS.topicName()}")
    void onLead(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, e -> {
            if (e.type() == EventType.LEAD_ACCEPTED) {
                gate.onLeadAccepted(e);
            }
        });
    }

    @KafkaListener(id = "gate-campaigns", idIsGroup = false, topics = "#{T(com.superkabe.events.Topic).CAMPAIGNS.topicName()}")
    void onCampaign(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, e -> {
            switch (e.type()) {
                case CAMPAIGN_CREATED -> gate.onCampaignCreated(e);
                case CAMPAIGN_STATUS_CHANGED -> gate.onCampaignStatusChanged(e);
                default -> {
                }
            }
        });
    }
}
