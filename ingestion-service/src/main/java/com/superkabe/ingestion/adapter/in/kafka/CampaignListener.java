package com.superkabe.ingestion.adapter.in.kafka;

import com.superkabe.ingestion.application.CampaignProjector;
import com.superkabe.kit.kafka.InboundHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The sequencer's campaign events, which enrolments are validated against (see {@link CampaignProjector}). */
@Component
class CampaignListener {

    private final InboundHandler inbound;
    private final CampaignProjector projector;

    CampaignListener(InboundHandler inbound, CampaignProjector projector) {
        this.inbound = inbound;
        this.projector = projector;
    }

    @KafkaListener(id = "ingestion-campaigns", idIsGroup = false,
            topics = "#{T(com.superkabe.events.Topic).CAMPAIGNS.topicName()}")
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, projector::on);
    }
}
