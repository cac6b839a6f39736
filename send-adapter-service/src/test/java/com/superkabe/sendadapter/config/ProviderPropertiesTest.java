package com.superkabe.sendadapter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class ProviderPropertiesTest {

    @Test
    void givenTheShippedYaml_whenNoEnvironmentOverrides_thenTheProviderUrlsAreTheDocumentedOnes() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("yml", new ClassPathResource("send-adapter-service.yml"))
                .forEach(env.getPropertySources()::addLast);

        assertThat(env.getProperty("superkabe.providers.graph.token-url"))
                .isEqualTo("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token");
        assertThat(env.getProperty("superkabe.providers.graph.base-url")).isEqualTo("https://graph.microsoft.com");
        assertThat(env.getProperty("superkabe.providers.gmail.token-url")).isEqualTo("https://oauth2.googleapis.com/token");
        assertThat(env.getProperty("superkabe.providers.gmail.base-url")).isEqualTo("https://gmail.googleapis.com");
    }

    @Test
    void givenNothingConfigured_whenBound_thenDefaultsAreSafeAndBaseUrlsHaveNoTrailingSlash() {
        GraphProperties graph = new GraphProperties("http://127.0.0.1:9/", null, null, null, null, 0, null);
        GmailProperties gmail = new GmailProperties(null, null, null, null, null, null, null);

        assertThat(graph.baseUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(graph.tokenUrl()).contains("{tenant}");
        assertThat(graph.maxAttempts()).isEqualTo(3);
        assertThat(gmail.maxRetryWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(gmail.baseUrl()).isEqualTo("https://gmail.googleapis.com");
    }
}
