package com.superkabe.gate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Bad gate settings are refused at start-up, naming the property, instead of failing when the settings are first built. */
class GatePropertiesValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GateProperties.class})
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void theDefaultsAndTheValuesInUseStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("superkabe.gate.stale-after-ticks=40", "superkabe.gate.retry.base-ticks=1", "superkabe.gate.retry.max-delay-ticks=2", "superkabe.gate.store-retry.base-ticks=2", "superkabe.gate.store-retry.max-delay-ticks=3", "superkabe.gate.store-retry.max-attempts=100")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aZeroRetryBaseIsRefused() {
        runner.withPropertyValues("superkabe.gate.retry.base-ticks=0")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.gate").hasMessageContaining("'retry.baseTicks'").hasMessageContaining("must be greater than 0"));
    }

    @Test
    void aZeroStoreRetryAttemptsIsRefused() {
        runner.withPropertyValues("superkabe.gate.store-retry.max-attempts=0")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.gate").hasMessageContaining("'storeRetry.maxAttempts'").hasMessageContaining("must be greater than 0"));
    }

    @Test
    void aNegativeStalenessIsRefused() {
        runner.withPropertyValues("superkabe.gate.stale-after-ticks=-1")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.gate.stale-after-ticks").hasMessageContaining("must be greater than or equal to 0"));
    }
}
