package com.superkabe.gate.config;

import com.superkabe.gate.application.GateSettings;
import com.superkabe.gate.domain.Mode;
import com.superkabe.gate.domain.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code superkabe.gate.*}: {@code default-mode} for organizations that never chose one (ENFORCE);
 * {@code stale-after-ticks}, how far the protection view (its watermark heartbeat, or failing that
 * its latest event for the organization) may lag the gate's clock before decisions become
 * INFRA_ISSUE (10 ticks; no watermark seen yet means no lag);
 * {@code retry.base-ticks}, {@code retry.max-delay-ticks}, {@code retry.max-attempts} for INFRA_ISSUE;
 * {@code store-retry.*}, the same for an input waiting while the gate's own database is unreachable
 * (unset parts default to {@code retry}'s).
 */
@ConfigurationProperties("superkabe.gate")
public record GateProperties(Mode defaultMode, Long staleAfterTicks, Retry retry, Retry storeRetry) {

    public record Retry(Long baseTicks, Long maxDelayTicks, Integer maxAttempts) {

        RetryPolicy over(RetryPolicy d) {
            return new RetryPolicy(baseTicks == null ? d.baseTicks() : baseTicks,
                    maxDelayTicks == null ? d.maxDelayTicks() : maxDelayTicks,
                    maxAttempts == null ? d.maxAttempts() : maxAttempts);
        }
    }

    public GateSettings settings() {
        RetryPolicy policy = retry == null ? RetryPolicy.DEFAULT : retry.over(RetryPolicy.DEFAULT);
        return new GateSettings(defaultMode == null ? Mode.ENFORCE : defaultMode, policy,
                staleAfterTicks == null ? 10 : staleAfterTicks);
    }

    /** Backoff for an input waiting for the gate's database; defaults to the INFRA_ISSUE policy. */
    public RetryPolicy storeRetryPolicy() {
        RetryPolicy infra = settings().retry();
        return storeRetry == null ? infra : storeRetry.over(infra);
    }
}
