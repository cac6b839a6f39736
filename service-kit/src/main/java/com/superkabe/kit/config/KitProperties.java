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
 * @param instanceId this replica's name in lease rows and claims (default: the host name, which is the
 *                   pod's name on Kubernetes); a random suffix is added per process
 * @param lease lease timings
 */
@Validated
@ConfigurationProperties("superkabe")
public record KitProperties(@NotNull(message = "superkabe.service must name this service, e.g. GATE") Service service,
                            @Valid Outbox outbox, String instanceId, @Valid Lease lease) {

    public KitProperties {
        outbox = outbox == null ? new Outbox(Duration.ofMillis(200), 500) : outbox;
        lease = lease == null ? new Lease(null, null) : lease;
        if (!lease.renewEvery().minus(lease.ttl()).isNegative()) {
            throw new IllegalArgumentException("superkabe.lease.renew-every must be shorter than superkabe.lease.ttl");
        }
    }

    /**
     * Leases (ADR 0050): which replica holds a one-writer job (the outbox relay, the clock, the sequencer).
     *
     * @param ttl how long a tenure lasts unless renewed; a dead holder is replaced after at most this
     *            plus {@code renewEvery} (default 10s)
     * @param renewEvery how often the holder renews and a standby tries to take over (default 3s)
     */
    public record Lease(
            @DurationMin(millis = 100, message = "superkabe.lease.ttl must be at least 100ms") Duration ttl,
            @DurationMin(millis = 10, message = "superkabe.lease.renew-every must be at least 10ms") Duration renewEvery) {
        public Lease {
            ttl = ttl == null ? Duration.ofSeconds(10) : ttl;
            renewEvery = renewEvery == null ? Duration.ofSeconds(3) : renewEvery;
        }
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
