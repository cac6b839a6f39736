package com.superkabe.kit.config;

import com.superkabe.events.Service;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * {@code superkabe.service}: which service this process is (required; names its DLT, consumer
 * group and event source). {@code superkabe.outbox.poll-interval}: how often the relay looks for
 * events that no commit nudged out.
 *
 * @param service which service this process is (required): names its DLT, consumer group and event source
 * @param outbox the transactional outbox relay
 */
@Validated
@ConfigurationProperties("superkabe")
public record KitProperties(@NotNull(message = "superkabe.service must name this service, e.g. GATE") Service service,
                            @Valid Outbox outbox) {

    public KitProperties {
        outbox = outbox == null ? new Outbox(Duration.ofMillis(200), 500) : outbox;
    }

    /**
     * The outbox relay.
     *
     * @param pollInterval how often the relay looks for events that no commit nudged out (default 200ms)
     * @param batchSize how many events the relay publishes per round at most (default 500)
     */
    public record Outbox(
            @DurationMin(millis = 1, message = "superkabe.outbox.poll-interval must be positive") Duration pollInterval,
            Integer batchSize) {
        public Outbox {
            pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
            batchSize = batchSize == null || batchSize <= 0 ? 500 : batchSize;
        }
    }
}
