package com.superkabe.gate.config;

import com.superkabe.gate.application.GateSettings;
import com.superkabe.gate.domain.Mode;
import com.superkabe.gate.domain.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code superkabe.gate.*}: {@code default-mode} for organizations that never chose one (ENFORCE);
 * {@code stale-after-ticks}, how far the protection view (its watermark heartbeat, or failing that
 * its latest event for the organization) may lag the gate's clock before decisions become
 * INFRA_ISSUE (10 ticks; no watermark seen yet means no lag);
 * {@code retry.base-ticks}, {@code retry.max-delay-ticks}, {@code retry.max-attempts} for INFRA_ISSUE;
 * {@code store-retry.*}, the same for an input waiting while the gate's own database is unreachable
 * (unset parts default to {@code retry}'s).
 *
 * @param defaultMode the mode for organizations that never chose one (default ENFORCE)
 * @param staleAfterTicks how many ticks the protection view may lag the gate's clock before decisions
 *        become INFRA_ISSUE (default 10)
 * @param retry the backoff for INFRA_ISSUE decisions
 * @param storeRetry the backoff for an input waiting while the gate's database is unreachable
 *        (unset parts default to retry's)
 */
@Validated
@ConfigurationProperties("superkabe.gate")
public record GateProperties(Mode defaultMode, @PositiveOrZero Long staleAfterTicks, @Valid Retry retry,
                             @Valid Retry storeRetry) {

    /**
     * @param baseTicks the first wait, in ticks (at least 1)
     * @param maxDelayTicks the longest wait, in ticks (at least 1, not below base-ticks)
     * @param maxAttempts how many attempts in all (at least 1)
     */
    public record Retry(@Positive Long baseTicks, @Positive Long maxDelayTicks, @Positive Integer maxAttempts) {

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
