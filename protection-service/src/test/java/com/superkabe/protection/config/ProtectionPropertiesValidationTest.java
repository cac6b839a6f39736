package com.superkabe.protection.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Bad protection settings are refused at start-up, naming the property, instead of dividing by zero or never pausing. */
class ProtectionPropertiesValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ProtectionProperties.class})
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void theDefaultsAndTheValuesInUseStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("superkabe.protection.dns.timeout=PT0.3S", "superkabe.protection.dns-check-interval=PT1M", "superkabe.protection.cooldowns=PT15M")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aZeroTickIsRefused() {
        runner.withPropertyValues("superkabe.protection.tick-seconds=0")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.protection.tick-seconds").hasMessageContaining("must be greater than 0"));
    }

    @Test
    void aZeroPauseWindowIsRefused() {
        runner.withPropertyValues("superkabe.protection.pause-window=0")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.protection.pause-window").hasMessageContaining("must be greater than 0"));
    }

    @Test
    void aZeroDnsTimeoutIsRefused() {
        runner.withPropertyValues("superkabe.protection.dns.timeout=0s")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.protection.dns.timeout").hasMessageContaining("must be positive"));
    }
}
