package com.superkabe.e2e;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * The services' Kafka client metrics as Spring Boot binds them (the same Micrometer binder, the same names and
 * tags), but looking for new per-topic and per-partition series every 2 s instead of every 60 s: a series such
 * as the dead-letter topic's send total or a partition's lag otherwise reaches {@code /actuator/prometheus} up to
 * a minute after the client first touched the topic, and the dashboard test waited that minute (ADR 0058).
 */
final class FastKafkaClientMetrics implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Duration REFRESH = Duration.ofSeconds(2);

    /** One per client: closing a client's binder shuts its scheduler down. */
    private static ScheduledExecutorService scheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "e2e-kafka-metrics");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // the customizers reach factories that are no beans too (ingestion's intake producer builds its own)
                if (bean instanceof DefaultKafkaProducerFactoryCustomizer customizer) {
                    return (DefaultKafkaProducerFactoryCustomizer) factory -> {
                        customizer.customize(factory);
                        swapProducers(factory, context);
                    };
                }
                if (bean instanceof DefaultKafkaConsumerFactoryCustomizer customizer) {
                    return (DefaultKafkaConsumerFactoryCustomizer) factory -> {
                        customizer.customize(factory);
                        swapConsumers(factory, context);
                    };
                }
                if (bean instanceof DefaultKafkaProducerFactory<?, ?> producers) {
                    swapProducers(producers, context);
                } else if (bean instanceof DefaultKafkaConsumerFactory<?, ?> consumers) {
                    swapConsumers(consumers, context);
                }
                return bean;
            }
        });
    }

    private static <K, V> void swapProducers(DefaultKafkaProducerFactory<K, V> factory,
                                             ConfigurableApplicationContext context) {
        List.copyOf(factory.getListeners()).stream().filter(l -> l.getClass() == MicrometerProducerListener.class)
                .forEach(l -> {
                    factory.removeListener(l);
                    factory.addListener(new Producers<>(context.getBean(MeterRegistry.class)));
                });
    }

    private static <K, V> void swapConsumers(DefaultKafkaConsumerFactory<K, V> factory,
                                             ConfigurableApplicationContext context) {
        List.copyOf(factory.getListeners()).stream().filter(l -> l.getClass() == MicrometerConsumerListener.class)
                .forEach(l -> {
                    factory.removeListener(l);
                    factory.addListener(new Consumers<>(context.getBean(MeterRegistry.class)));
                });
    }

    private static final class Producers<K, V> extends MicrometerProducerListener<K, V> {

        Producers(MeterRegistry registry) {
            super(registry);
        }

        @Override
        protected MeterBinder createClientMetrics(Producer<K, V> client, List<Tag> tags) {
            return new KafkaClientMetrics(client, tags, scheduler(), REFRESH);
        }
    }

    private static final class Consumers<K, V> extends MicrometerConsumerListener<K, V> {

        Consumers(MeterRegistry registry) {
            super(registry);
        }

        @Override
        protected MeterBinder createClientMetrics(Consumer<K, V> client, List<Tag> tags) {
            return new KafkaClientMetrics(client, tags, scheduler(), REFRESH);
        }
    }
}
