package com.superkabe.ingestion.adapter.in.kafka;

import com.superkabe.ingestion.application.LeadStatusProjector;
import com.superkabe.kit.kafka.InboundHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Other services' facts that move the org-wide Lead's status (see {@link LeadStatusProjector}). */
@Component
class LeadStatusListener {

    private final InboundHandler inbound;
    private final LeadStatusProjector projector;

    LeadStatusListener(InboundHandler inbound, LeadStatusProjector projector) {
        this.inbound = inbound;
        this.projector = projector;
    }

    @KafkaListener(id = "ingestion-lead-status", idIsGroup = false, topics = {
            "#{T(com.superkabe.events.Topic).GATE_DECISIONS.topicName()}",
            "#{T(com.superkabe.events.Topic).RUNS.topicName()}",
            "#{T(com.superkabe.events.Topic).SEND_OUTCOMES.topicName()}",
            "#{T(com.superkabe.events.Topic).REPLIES.topicName()}"})
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, projector::on);
    }
}
