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
 * {@code retry.base-ticks}, {@code retry.max-delay-ticks}, {@code retry.max-attempts} for INFRA_ISSUE.
 */
@ConfigurationProperties("superkabe.gate")
public record GateProperties(Mode defaultMode, Long staleAfterTicks, Retry retry) {

    public record Retry(Long baseTicks, Long maxDelayTicks, Integer maxAttempts) {
    }

    public GateSettings settings() {
        RetryPolicy d = RetryPolicy.DEFAULT;
        RetryPolicy policy = retry == null ? d : new RetryPolicy(
                retry.baseTicks() == null ? d.baseTicks() : retry.baseTicks(),
                retry.maxDelayTicks() == null ? d.maxDelayTicks() : retry.maxDelayTicks(),
                retry.maxAttempts() == null ? d.maxAttempts() : retry.maxAttempts());
        return new GateSettings(defaultMode == null ? Mode.ENFORCE : defaultMode, policy,
                staleAfterTicks == null ? 10 : staleAfterTicks);
    }
}
