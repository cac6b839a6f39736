package com.superkabe.ingestion.config;

import com.superkabe.ingestion.application.BatchEvents;
import com.superkabe.ingestion.application.ClaySecrets;
import com.superkabe.ingestion.application.CampaignProjector;
import com.superkabe.ingestion.application.Campaigns;
import com.superkabe.ingestion.application.ClayWebhook;
import com.superkabe.ingestion.application.EnrolmentService;
import com.superkabe.ingestion.application.Enrolments;
import com.superkabe.ingestion.application.CsvImport;
import com.superkabe.kit.secrets.SecretBox;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;
import com.superkabe.ingestion.application.GateInputs;
import com.superkabe.ingestion.application.IntakeBinding;
import com.superkabe.ingestion.application.IntakeProducerKeys;
import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.ingestion.application.KnownOrganizations;
import com.superkabe.ingestion.application.LeadStatusProjector;
import com.superkabe.ingestion.application.Leads;
import com.superkabe.ingestion.application.MailingAddressService;
import com.superkabe.ingestion.application.MailingAddresses;
import com.superkabe.ingestion.application.OrganizationService;
import com.superkabe.ingestion.application.Organizations;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import java.util.Map;
import java.util.UUID;
import com.superkabe.events.EventCodec;
import com.superkabe.ingestion.adapter.in.kafka.IntakeTransactions;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
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
                                Envelopes envelopes, GateInputs inputs, Enrolments enrolments) {
        return new IntakeService(leads, organizations, events, envelopes, inputs, enrolments);
    }

    @Bean
    EnrolmentService enrolmentService(Leads leads, Enrolments enrolments, Campaigns campaigns, GateInputs inputs,
                                      BatchEvents events, Envelopes envelopes, TransactionTemplate tx) {
        return new EnrolmentService(leads, enrolments, campaigns, inputs, events, envelopes, tx);
    }

    @Bean
    CampaignProjector campaignProjector(Campaigns campaigns) {
        return new CampaignProjector(campaigns);
    }

    @Bean
    CsvImport csvImport(IntakeService intake, TransactionTemplate tx) {
        return new CsvImport(intake, tx);
    }

    @Bean
    ClayWebhook clayWebhook(ClaySecrets secrets, ObjectProvider<SecretBox> box, Clock clock, IngestionProperties props) {
        return new ClayWebhook(secrets, box.getIfAvailable(), clock, props.clay().replayWindow());
    }

    /**
     * {@code superkabe.ingestion.intake.bound-producers=true}: intake records count only when signed
     * by a producer key of the organization they name (ADR 0043); off by default, so a stack without
     * customers' keys keeps taking unsigned records.
     */
    @Bean
    IntakeBinding intakeBinding(IntakeProducerKeys keys, ObjectProvider<SecretBox> box,
            @Value("${superkabe.ingestion.intake.bound-producers:false}") boolean required) {
        return new IntakeBinding(keys, box.getIfAvailable(), required);
    }

    @Bean
    LeadStatusProjector leadStatusProjector(Leads leads, Enrolments enrolments) {
        return new LeadStatusProjector(leads, enrolments);
    }

    @Bean
    OrganizationService organizationService(Organizations organizations, EventSink events, Envelopes envelopes) {
        return new OrganizationService(organizations, events, envelopes);
    }

    @Bean
    MailingAddressService mailingAddressService(MailingAddresses addresses, EventSink events, Envelopes envelopes,
                                                TransactionTemplate tx) {
        return new MailingAddressService(addresses, events, envelopes, tx);
    }

    /**
     * The intake path's transactional producer. The transactional id prefix is unique per running
     * instance (several may share a host, or a JVM in tests): with exactly-once v2 the broker fences
     * by consumer group generation, so ids need not be stable across restarts.
     */
    @Bean
    IntakeTransactions intakeTransactions(KafkaProperties kafka, EventCodec codec,
            @Value("${superkabe.instance-id:${HOSTNAME:local}}") String instance,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> props = kafka.buildProducerProperties();
        props.put("linger.ms", 10);
        // a crashed instance's open transaction holds read_committed consumers of superkabe.leads
        // back until the broker aborts it: keep that short, yet above a slow poll's processing time
        props.put("transaction.timeout.ms", 30_000);
        props.put("batch.size", 262144);
        return new IntakeTransactions(props, "superkabe-ingestion-intake-" + instance + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "-", codec, customizers.orderedStream().toList());
    }

    /**
     * The intake topic's own container factory: batch listener (one database transaction, one
     * multi-row insert per poll), bigger polls, and a Kafka transaction per poll that carries the
     * decisions and the offsets. A poll that fails (database or broker unavailable) is rolled back
     * and retried with backoff, without limit: records the service cannot handle are dead-lettered
     * by the listener itself, so what remains is an outage, and skipping would lose leads. Boot's
     * consumer-factory customizers (its Micrometer listener among them) apply here as to the
     * application's own factory, so the intake consumer's lag is measured.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> intakeBatchFactory(KafkaProperties kafka,
            IntakeTransactions transactions,
            @Value("${superkabe.ingestion.intake.concurrency:2}") int concurrency,
            @Value("${superkabe.ingestion.intake.max-poll-records:2000}") int maxPollRecords,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.put("max.poll.records", maxPollRecords);
        props.put("fetch.min.bytes", 65536);
        props.put("fetch.max.wait.ms", 50);
        props.put("isolation.level", "read_committed");
        ConcurrentKafkaListenerContainerFactory<String, byte[]> f = new ConcurrentKafkaListenerContainerFactory<>();
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(props);
        customizers.orderedStream().forEach(c -> c.customize(consumers));
        f.setConsumerFactory(consumers);
        f.setBatchListener(true);
        f.setConcurrency(concurrency);
        f.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        f.getContainerProperties().setKafkaAwareTransactionManager(transactions.manager());
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        f.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(backOff));
        return f;
    }
}
