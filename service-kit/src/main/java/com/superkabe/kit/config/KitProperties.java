package com.superkabe.kit.config;

import com.superkabe.events.Service;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code superkabe.service}: which service this process is (required; names its DLT, consumer
 * group and event source). {@code superkabe.outbox.poll-interval}: how often the relay looks for
 * events that no commit nudged out.
 */
@Validated
@ConfigurationProperties("superkabe")
public record KitProperties(@NotNull(message = "superkabe.service must name this service, e.g. GATE") Service service,
                            Outbox outbox) {

    public KitProperties {
        outbox = outbox == null ? new Outbox(Duration.ofMillis(200), 500) : outbox;
    }

    public record Outbox(Duration pollInterval, Integer batchSize) {
        public Outbox {
            pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
            batchSize = batchSize == null || batchSize <= 0 ? 500 : batchSize;
        }
    }
}
