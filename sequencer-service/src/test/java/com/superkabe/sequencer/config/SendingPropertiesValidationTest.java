package com.superkabe.sequencer.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Bad sending settings are refused at start-up, naming the property, instead of failing at the first send. */
class SendingPropertiesValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SendingProperties.class})
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void theDefaultsAndTheValuesInUseStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("superkabe.sequencer.sending.retry-base-ticks=2", "superkabe.sequencer.sending.retry-max-ticks=8")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aZeroSecondsPerTickIsRefused() {
        runner.withPropertyValues("superkabe.sequencer.sending.seconds-per-tick=0")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.sequencer.sending.seconds-per-tick").hasMessageContaining("must be greater than 0"));
    }

    @Test
    void aJitterOverOneHundredPercentIsRefused() {
        runner.withPropertyValues("superkabe.sequencer.sending.retry-jitter-percent=150")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.sequencer.sending.retry-jitter-percent").hasMessageContaining("must be less than or equal to 100"));
    }
}
