package com.superkabe.gate.config;

import com.superkabe.gate.application.CampaignViews;
import com.superkabe.gate.application.GateService;
import com.superkabe.gate.application.HeldLeads;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GateConfig {

    @Bean
    GateService gateService(CampaignViews campaigns, HeldLeads held, EventSink events, Envelopes envelopes) {
        return new GateService(campaigns, held, events, envelopes);
    }
}
