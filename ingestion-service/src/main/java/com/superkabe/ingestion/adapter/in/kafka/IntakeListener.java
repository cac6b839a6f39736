package com.superkabe.ingestion.adapter.in.kafka;

import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.kit.kafka.InboundHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The public intake topic: leads published by users' own Kafka clients. */
@Component
class IntakeListener {

    private final InboundHandler inbound;
    private final IntakeService intake;

    IntakeListener(InboundHandler inbound, IntakeService intake) {
        this.inbound = inbound;
        this.intake = intake;
    }

    @KafkaListener(id = "ingestion-intake", idIsGroup = false,
            topics = "#{T(com.superkabe.events.Topic).LEAD_INTAKE.topicName()}")
    void onSubmitted(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, intake::submitViaTopic);
    }
}
