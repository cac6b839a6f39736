package com.superkabe.ingestion.config;

import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.ingestion.application.Leads;
import com.superkabe.ingestion.application.OrganizationService;
import com.superkabe.ingestion.application.Organizations;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IngestionConfig {

    @Bean
    IntakeService intakeService(Leads leads, Organizations organizations, EventSink events, Envelopes envelopes) {
        return new IntakeService(leads, organizations, events, envelopes);
    }

    @Bean
    OrganizationService organizationService(Organizations organizations, EventSink events, Envelopes envelopes) {
        return new OrganizationService(organizations, events, envelopes);
    }
}
