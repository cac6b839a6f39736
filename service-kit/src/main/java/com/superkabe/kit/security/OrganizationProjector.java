package com.superkabe.kit.security;

import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.kit.kafka.InboundHandler;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps this service's copy of the API keys current from {@code superkabe.organizations}, and hands
 * the topic's other events (a mailing address …) to the service's {@link OrganizationEventHandler}s.
 */
public class OrganizationProjector {

    private final InboundHandler inbound;
    private final ApiKeys apiKeys;
    private final List<OrganizationEventHandler> others;

    public OrganizationProjector(InboundHandler inbound, ApiKeys apiKeys) {
        this(inbound, apiKeys, List.of());
    }

    public OrganizationProjector(InboundHandler inbound, ApiKeys apiKeys, List<OrganizationEventHandler> others) {
        this.inbound = inbound;
        this.apiKeys = apiKeys;
        this.others = List.copyOf(others);
    }

    /** A service whose inputs are fenced by a lease (the sequencer, ADR 0052) starts this listener itself. */
    @KafkaListener(id = "${spring.application.name}-organizations", idIsGroup = false,
            autoStartup = "${superkabe.organizations.auto-startup:true}",
            topics = "#{T(com.superkabe.events.Topic).ORGANIZATIONS.topicName()}")
    public void on(ConsumerRecord<String, byte[]> record) {
        Runnable handling = () -> inbound.handle(record, e -> {
            if (e.payload() instanceof OrganizationRegistered org) {
                apiKeys.register(org.orgId(), org.name(), org.apiKeySha256());
            } else {
                others.forEach(h -> h.on(e));
            }
        });
        for (OrganizationEventHandler h : others) {
            Runnable inner = handling;
            handling = () -> h.serialized(inner);
        }
        handling.run();
    }
}
