package com.superkabe.sendadapter.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Bad SMTP and provider client timeouts are refused at start-up, naming the property. */
class ClientPropertiesValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SmtpProperties.class, GmailProperties.class, GraphProperties.class})
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void theDefaultsAndTheValuesInUseStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("superkabe.smtp.connect-timeout=10s", "superkabe.providers.graph.max-retry-wait=2s", "superkabe.providers.gmail.request-timeout=30s")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aZeroSmtpReadTimeoutIsRefused() {
        runner.withPropertyValues("superkabe.smtp.read-timeout=0s")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.smtp.read-timeout").hasMessageContaining("must be longer than or equal to"));
    }

    @Test
    void aZeroGmailConnectTimeoutIsRefused() {
        runner.withPropertyValues("superkabe.providers.gmail.connect-timeout=0s")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.providers.gmail.connect-timeout").hasMessageContaining("must be longer than or equal to"));
    }

    @Test
    void aNegativeGraphRetryWaitIsRefused() {
        runner.withPropertyValues("superkabe.providers.graph.max-retry-wait=-1s")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("superkabe.providers.graph.max-retry-wait").hasMessageContaining("must be longer than or equal to"));
    }
}
