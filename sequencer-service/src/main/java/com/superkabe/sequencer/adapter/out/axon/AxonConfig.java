package com.superkabe.sequencer.adapter.out.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.sequencer.adapter.out.jdbc.JdbcRunViews;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon 4 configured by hand rather than by its Spring Boot starter: the starter's auto-configuration
 * orders itself after Boot 3 class names and on Boot 4 silently creates no event store (DESIGN §3,
 * ADR 0002). The event store joins Spring's transaction, so the inbox row, the events, the read
 * model and the outbox commit together. Jackson 2 serialises the stored events; Boot uses Jackson 3.
 */
@org.springframework.context.annotation.Configuration
public class AxonConfig {

    @Bean(destroyMethod = "shutdown")
    Configuration axonConfiguration(DataSource dataSource, PlatformTransactionManager transactions) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Serializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules())
                .build();
        TransactionManager tm = new SpringTransactionManager(transactions);
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureTransactionManager(c -> tm)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                        .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                                new SpringDataSourceConnectionProvider(dataSource)))
                        .transactionManager(tm)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .build())
                .configureAggregate(RunAggregate.class)
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    @Bean
    AxonRunCommands axonRunCommands(Configuration axon, JdbcRunViews views, JdbcClient jdbc, EventSink events,
                                    Envelopes envelopes) {
        return new AxonRunCommands(axon.commandGateway(), views, jdbc, events, envelopes);
    }
}
