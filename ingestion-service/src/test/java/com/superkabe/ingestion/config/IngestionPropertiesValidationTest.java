package com.superkabe.ingestion.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Bad ingestion settings are refused at start-up, naming the property. */
class IngestionPropertiesValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({IngestionProperties.class})
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void theDefaultsAndTheValuesInUseStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("superkabe.ingestion.mx.timeout=300ms", "superkabe.ingestion.mx.dns-server=127.0.0.1:5353", "superkabe.ingestion.limits.batch-max-items=50")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aZeroMxTimeoutIsRefused() {
        runner.withPropertyValues("superkabe.ingestion.mx.timeout=0s")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.ingestion.mx.timeout").hasMessageContaining("must be positive"));
    }

    @Test
    void aZeroListReloadIntervalIsRefused() {
        runner.withPropertyValues("superkabe.ingestion.lists.reload-interval=0s")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.ingestion.lists.reload-interval").hasMessageContaining("must be positive"));
    }
}
