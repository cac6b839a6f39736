package com.superkabe.kit.security;

import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.kit.kafka.InboundHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps this service's copy of the API keys current from {@code superkabe.organizations}. */
public class OrganizationProjector {

    private final InboundHandler inbound;
    private final ApiKeys apiKeys;

    public OrganizationProjector(InboundHandler inbound, ApiKeys apiKeys) {
        this.inbound = inbound;
        this.apiKeys = apiKeys;
    }

    @KafkaListener(id = "${spring.application.name}-organizations", idIsGroup = false,
            topics = "#{T(com.superkabe.events.Topic).ORGANIZATIONS.topicName()}")
    public void on(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, e -> {
            OrganizationRegistered org = e.payloadAs(OrganizationRegistered.class);
            apiKeys.register(org.orgId(), org.name(), org.apiKeySha256());
        });
    }
}
