package com.superkabe.sequencer.adapter.in.kafka;

import com.superkabe.kit.jdbc.LeaseKeeper;
import com.superkabe.sequencer.application.Campaigns;
import java.util.List;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What a sequencer replica does when it takes or loses the {@code sequencer} lease (ADR 0052): the
 * holder consumes the ordered input queue and the organizations topic; a standby consumes nothing, so
 * it is not in the consumer group, and serves only the API.
 */
public class SequencerTenure implements LeaseKeeper.Job {

    public static final String INPUTS = "sequencer-inputs";

    private final KafkaListenerEndpointRegistry registry;
    private final List<String> listeners;
    private final Campaigns campaigns;

    public SequencerTenure(KafkaListenerEndpointRegistry registry, String applicationName, Campaigns campaigns) {
        this.registry = registry;
        this.listeners = List.of(INPUTS, applicationName + "-organizations");
        this.campaigns = campaigns;
    }

    @Override
    public void acquired(long epoch) {
        campaigns.forgetCached();
        for (String id : listeners) {
            MessageListenerContainer c = registry.getListenerContainer(id);
            if (c != null && !c.isRunning()) {
                c.start();
            }
        }
    }

    @Override
    public void lost() {
        for (String id : listeners) {
            MessageListenerContainer c = registry.getListenerContainer(id);
            if (c != null && c.isRunning()) {
                c.stop();
            }
        }
    }
}
