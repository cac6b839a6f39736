package com.superkabe.kit.config;

import com.superkabe.events.EventCodec;
import com.superkabe.events.Topic;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.kafka.Inbox;
import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.kit.outbox.Outbox;
import com.superkabe.kit.outbox.OutboxRelay;
import com.superkabe.kit.security.ApiKeyFilter;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.security.OrgIdResolver;
import com.superkabe.kit.security.OrganizationProjector;
import com.superkabe.kit.web.ControlCharacterFilter;
import com.superkabe.kit.web.ProblemErrorController;
import com.superkabe.kit.web.ProblemHandler;
import com.superkabe.kit.web.ProblemValveInstaller;
import com.superkabe.kit.web.StrictJson;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the shared shell into every service that has service-kit on its class path. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class},
        before = {org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
                org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class})
@EnableConfigurationProperties(KitProperties.class)
public class ServiceKitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock wallClock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    Envelopes envelopes(KitProperties props, Clock clock) {
        return new Envelopes(props.service(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionTemplate transactionTemplate(PlatformTransactionManager tm) {
        return new TransactionTemplate(tm);
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, @Value("${superkabe.inbox.keep-inputs:true}") boolean keepInputs) {
        return new Inbox(jdbc, keepInputs);
    }

    @Bean
    InboundHandler inboundHandler(EventCodec codec, Inbox inbox, TransactionTemplate tx, MeterRegistry meters) {
        return new InboundHandler(codec, inbox, tx, meters);
    }

    /** This process's leases (ADR 0050); {@code superkabe.instance-id} names the replica. */
    @Bean
    com.superkabe.kit.jdbc.Leases leases(JdbcClient jdbc, TransactionTemplate tx, KitProperties props,
                                         MeterRegistry meters) {
        return new com.superkabe.kit.jdbc.Leases(jdbc, tx, props.instanceId(), props.lease().ttl(),
                props.lease().renewEvery(), meters);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, byte[]> kafka,
                            KitProperties props, com.superkabe.kit.jdbc.Leases leases, MeterRegistry meters) {
        return new OutboxRelay(jdbc, tx, kafka, props.outbox().pollInterval(), props.outbox().batchSize(),
                leases.lease("outbox"), leases.renewEvery(), meters);
    }

    @Bean
    Outbox outbox(org.springframework.jdbc.core.JdbcTemplate jdbc, EventCodec codec, ObjectProvider<OutboxRelay> relay) {
        return new Outbox(jdbc, codec, () -> relay.getObject().nudge());
    }

    /** Sends a record to this service's dead-letter topic with the cause in its headers. */
    @Bean
    DeadLetterPublishingRecoverer superkabeDeadLetters(KafkaTemplate<String, byte[]> kafka, KitProperties props) {
        String dlt = props.service().deadLetterTopic();
        return new DeadLetterPublishingRecoverer(kafka, (record, ex) -> new TopicPartition(dlt, -1));
    }

    /**
     * Transient failures (a database restart, a lock timeout) get {@code superkabe.kafka.retries}
     * exponentially backed-off retries — 5 by default, 0.5 s doubling to 10 s, about half a minute in
     * all; the send path sets 0 — then the record goes to this service's dead-letter topic with the
     * cause in its headers. Undecodable records skip the retries. Either way the partition flows on.
     */
    @Bean
    org.springframework.kafka.listener.CommonErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer recoverer,
                                          @Value("${superkabe.kafka.retries:5}") long retries) {
        org.springframework.kafka.support.ExponentialBackOffWithMaxRetries backOff =
                new org.springframework.kafka.support.ExponentialBackOffWithMaxRetries((int) retries);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(com.superkabe.events.UndecodableEventException.class,
                IllegalArgumentException.class);
        // a replica fenced off by a lease (ADR 0050) stops its container: the record stays uncommitted for
        // the holder, never dead-lettered
        org.springframework.kafka.listener.CommonDelegatingErrorHandler delegating =
                new org.springframework.kafka.listener.CommonDelegatingErrorHandler(handler);
        delegating.setCauseChainTraversing(true);
        delegating.addDelegate(com.superkabe.kit.jdbc.LeaseLostException.class,
                new org.springframework.kafka.listener.CommonContainerStoppingErrorHandler());
        return delegating;
    }

    /** Every catalogue topic and this service's dead-letter topic, created if missing. */
    @Bean
    KafkaAdmin.NewTopics superkabeTopics(KitProperties props) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic t : Topic.values()) {
            topics.add(TopicBuilder.name(t.topicName()).partitions(t.partitions()).replicas(1)
                    .configs(Map.of("retention.ms", t.retention() == null ? "-1"
                            : Long.toString(t.retention().toMillis())))
                    .build());
        }
        topics.add(TopicBuilder.name(props.service().deadLetterTopic()).partitions(1).replicas(1).build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Only services that handle mailbox credentials set {@code superkabe.secrets.key}. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("superkabe.secrets.key")
    com.superkabe.kit.secrets.SecretBox secretBox(@Value("${superkabe.secrets.key}") String key) {
        return new com.superkabe.kit.secrets.SecretBox(key);
    }

    @Bean
    ApiKeys apiKeys(JdbcClient jdbc) {
        return new ApiKeys(jdbc);
    }

    @Bean
    OrganizationProjector organizationProjector(InboundHandler inbound, ApiKeys apiKeys,
            org.springframework.beans.factory.ObjectProvider<com.superkabe.kit.security.OrganizationEventHandler> others) {
        return new OrganizationProjector(inbound, apiKeys, others.orderedStream().toList());
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys apiKeys) {
        FilterRegistrationBean<ApiKeyFilter> reg = new FilterRegistrationBean<>(new ApiKeyFilter(apiKeys));
        reg.addUrlPatterns("/api/*");
        return reg;
    }

    /** Control characters in a path or query value are refused before the API key is even looked up. */
    @Bean
    FilterRegistrationBean<ControlCharacterFilter> controlCharacterFilter() {
        FilterRegistrationBean<ControlCharacterFilter> reg = new FilterRegistrationBean<>(new ControlCharacterFilter());
        reg.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return reg;
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    /** Problems link their type to docs/problems.md instead of about:blank. */
    @Bean
    com.superkabe.kit.web.ProblemTypeAdvice problemTypeAdvice() {
        return new com.superkabe.kit.web.ProblemTypeAdvice();
    }

    /** Request JSON is read strictly: wrong types, overflow and control characters are 400s naming the field. */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer strictRequestJson() {
        return StrictJson::configure;
    }

    /** The container's error page and Tomcat's own refusals answer problem+json, never HTML. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    ProblemValveInstaller problemValveInstaller() {
        return new ProblemValveInstaller();
    }

    @Bean
    WebMvcConfigurer orgIdArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new OrgIdResolver());
            }
        };
    }
}
