package com.superkabe.sendadapter.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reconciling AMBIGUOUS sends ({@code superkabe.reconciliation.*}): the first Sent-folder check comes
 * {@code delay} (wall time) after the connection was lost, then every {@code delay} up to
 * {@code maxChecks} checks; {@code pollInterval} is how often due checks are looked for.
 * {@code maxChecks} 0 reports AMBIGUOUS at once.
 *
 * @param delay the wall time before the first Sent-folder check and between checks (default 60s)
 * @param maxChecks how many checks before the send is reported AMBIGUOUS (default 3; 0 reports it at once)
 * @param pollInterval how often due checks are looked for (default 1s)
 */
@ConfigurationProperties("superkabe.reconciliation")
public record ReconciliationProperties(Duration delay, Integer maxChecks, Duration pollInterval) {
    public ReconciliationProperties {
        delay = delay == null ? Duration.ofSeconds(60) : delay;
        maxChecks = maxChecks == null ? 3 : maxChecks;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        if (delay.isNegative() || maxChecks < 0 || pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("superkabe.reconciliation: delay must not be negative, max-checks "
                    + "not negative and poll-interval positive");
        }
    }
}
