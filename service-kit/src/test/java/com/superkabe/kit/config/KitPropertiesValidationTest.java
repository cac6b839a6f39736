package com.superkabe.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Bad kit settings are refused at start-up, naming the property. */
class KitPropertiesValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({KitProperties.class})
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class)
            .withPropertyValues("superkabe.service=GATE");

    @Test
    void theDefaultsAndTheValuesInUseStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("superkabe.outbox.poll-interval=200ms", "superkabe.outbox.batch-size=500")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aZeroOutboxPollIntervalIsRefused() {
        runner.withPropertyValues("superkabe.outbox.poll-interval=0s")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.outbox.poll-interval").hasMessageContaining("must be positive"));
    }

    @Test
    void aMissingServiceIsRefused() {
        runner.withPropertyValues("superkabe.service=")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.service").hasMessageContaining("must name this service"));
    }
}
