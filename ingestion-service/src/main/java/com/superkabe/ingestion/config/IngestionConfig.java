package com.superkabe.ingestion.config;

import com.superkabe.ingestion.application.BatchEvents;
import com.superkabe.ingestion.application.ClaySecrets;
import com.superkabe.ingestion.application.ClayWebhook;
import com.superkabe.ingestion.application.CsvImport;
import com.superkabe.kit.secrets.SecretBox;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;
import com.superkabe.ingestion.application.GateInputs;
import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.ingestion.application.KnownOrganizations;
import com.superkabe.ingestion.application.LeadStatusProjector;
import com.superkabe.ingestion.application.Leads;
import com.superkabe.ingestion.application.OrganizationService;
import com.superkabe.ingestion.application.Organizations;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

@Configuration
@EnableConfigurationProperties(IngestionProperties.class)
class IngestionConfig {

    @Bean
    KnownOrganizations knownOrganizations(Organizations organizations) {
        return new KnownOrganizations(organizations);
    }

    @Bean
    IntakeService intakeService(Leads leads, KnownOrganizations organizations, BatchEvents events,
                                Envelopes envelopes, GateInputs inputs) {
        return new IntakeService(leads, organizations, events, envelopes, inputs);
    }

    @Bean
    CsvImport csvImport(IntakeService intake, TransactionTemplate tx) {
        return new CsvImport(intake, tx);
    }

    @Bean
    ClayWebhook clayWebhook(ClaySecrets secrets, ObjectProvider<SecretBox> box, Clock clock, IngestionProperties props) {
        return new ClayWebhook(secrets, box.getIfAvailable(), clock, props.clay().replayWindow());
    }

    @Bean
    LeadStatusProjector leadStatusProjector(Leads leads) {
        return new LeadStatusProjector(leads);
    }

    @Bean
    OrganizationService organizationService(Organizations organizations, EventSink events, Envelopes envelopes) {
        return new OrganizationService(organizations, events, envelopes);
    }

    /**
     * The intake topic's own container factory: batch listener (one transaction, one multi-row
     * insert per poll), bigger polls, offsets committed per batch after the transaction. Errors
     * are handled inside the listener (undecodable records go to the dead-letter topic one by one).
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> intakeBatchFactory(KafkaProperties kafka,
            @Value("${superkabe.ingestion.intake.concurrency:2}") int concurrency,
            @Value("${superkabe.ingestion.intake.max-poll-records:2000}") int maxPollRecords) {
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.put("max.poll.records", maxPollRecords);
        props.put("fetch.min.bytes", 65536);
        props.put("fetch.max.wait.ms", 50);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> f = new ConcurrentKafkaListenerContainerFactory<>();
        f.setConsumerFactory(new DefaultKafkaConsumerFactory<>(props));
        f.setBatchListener(true);
        f.setConcurrency(concurrency);
        f.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return f;
    }
}
