package com.superkabe.gate.adapter.in.kafka;

import com.superkabe.gate.application.StoreOutages;
import com.superkabe.gate.domain.StoreOutage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * When the gate's database is unreachable, an input's records are neither lost nor dead-lettered
 * at once: they are sought back (not committed), the listener is paused, and the clock listener
 * resumes it when a tick makes its retry due ({@link StoreOutages}). After the last attempt they go
 * to the dead-letter topic with the cause, as the kit does. Other failures keep the kit's handling.
 */
@Component
class StoreOutageGuard {

    private static final Logger log = LoggerFactory.getLogger(StoreOutageGuard.class);

    private final StoreOutages outages;
    private final KafkaListenerEndpointRegistry registry;
    private final DeadLetterPublishingRecoverer deadLetters;

    StoreOutageGuard(StoreOutages outages, KafkaListenerEndpointRegistry registry,
                     DeadLetterPublishingRecoverer deadLetters, MeterRegistry meters) {
        this.outages = outages;
        this.registry = registry;
        this.deadLetters = deadLetters;
        Gauge.builder("superkabe_gate_store_unavailable", outages, StoreOutages::unavailable)
                .description("Gate inputs waiting for the gate's own database to be reachable again").register(meters);
    }

    /** Runs a batch listener's work; acknowledges it, or on an outage keeps its unhandled records. */
    void batch(String input, List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (!StoreFailures.unavailable(e)) {
                throw e;
            }
            int from = e instanceof BatchListenerFailedException b && b.getIndex() >= 0 ? b.getIndex() : 0;
            if (waitOrGiveUp(input, records.get(from), e)) {
                ack.nack(from, Duration.ZERO);
                return;
            }
            records.subList(from, records.size()).forEach(r -> deadLetters.accept(r, null, e));
        }
        ack.acknowledge();
        handled(input);
    }

    /** {@link #batch} for a listener of one record at a time. */
    void record(String input, ConsumerRecord<String, byte[]> record, Acknowledgment ack, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (!StoreFailures.unavailable(e)) {
                throw e;
            }
            if (waitOrGiveUp(input, record, e)) {
                ack.nack(Duration.ZERO);
                return;
            }
            deadLetters.accept(record, null, e);
        }
        ack.acknowledge();
        handled(input);
    }

    /** The logical clock moved: resumes every input whose retry is now due. */
    void ticked(long tick) {
        for (String input : outages.ticked(tick)) {
            log.info("Retrying {} at tick {}: resuming its consumption", input, tick);
            container(input).resume();
        }
    }

    /** True if the input waits (paused until its retry tick); false if it gave up (dead-letter the records). */
    private boolean waitOrGiveUp(String input, ConsumerRecord<String, byte[]> first, RuntimeException cause) {
        StoreOutage outage = outages.failed(input, first.topic() + "-" + first.partition() + ":" + first.offset());
        if (outage.waiting()) {
            log.warn("Gate store unavailable: {} paused after attempt {} of {}, retrying at tick {} (now {}): {}", input,
                    outage.failures(), outages.policy().maxAttempts(), outage.retryAtTick(), outages.latestTick(),
                    rootCause(cause));
            container(input).pause();
            return true;
        }
        log.error("Gate store unavailable after {} attempts: {} sends its records from {} on to the dead-letter topic: {}",
                outage.failures(), input, first.topic() + "-" + first.partition() + "@" + first.offset(), rootCause(cause));
        outages.deadLettered(input);
        container(input).resume();
        return false;
    }

    private void handled(String input) {
        StoreOutage ended = outages.handled(input);
        if (ended != StoreOutage.NONE) {
            log.info("Gate store available again: {} consuming after {} failed attempt(s)", input, ended.failures());
            container(input).resume();
        }
    }

    private MessageListenerContainer container(String input) {
        MessageListenerContainer container = registry.getListenerContainer(input);
        if (container == null) {
            throw new IllegalStateException("no listener container " + input);
        }
        return container;
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
