package com.superkabe.gate.config;

import com.superkabe.gate.application.CampaignViews;
import com.superkabe.gate.application.Decisions;
import com.superkabe.gate.application.GateLeads;
import com.superkabe.gate.application.GateService;
import com.superkabe.gate.application.HealthViews;
import com.superkabe.gate.application.LeadEvaluator;
import com.superkabe.gate.application.StoreOutages;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(GateProperties.class)
class GateConfig {

    @Bean
    LeadEvaluator leadEvaluator(CampaignViews campaigns, HealthViews health, GateLeads leads, Decisions decisions,
                                EventSink events, GateProperties props) {
        return new LeadEvaluator(campaigns, health, leads, decisions, events, props.settings());
    }

    @Bean
    StoreOutages storeOutages(GateProperties props) {
        return new StoreOutages(props.storeRetryPolicy());
    }

    @Bean
    GateService gateService(CampaignViews campaigns, HealthViews health, GateLeads leads, LeadEvaluator evaluator,
                            Envelopes envelopes, EventSink events) {
        return new GateService(campaigns, health, leads, evaluator, envelopes, events);
    }
}
