package com.superkabe.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Which service a path goes to, and where the gateway finds each service. */
class GatewayRoutingRulesTest {

    @Test
    void theMostSpecificTemplateWinsWhateverTheOrderOfTheDocument() {
        Map<String, String> byPath = new LinkedHashMap<>();
        byPath.put("/api/v1/leads/{leadId}", "ingestion-service");
        byPath.put("/api/v1/leads/{leadId}/release", "gate-service");
        byPath.put("/api/v1/leads/csv", "csv-service");
        RouteTable table = new RouteTable(byPath);

        assertThat(table.serviceFor("/api/v1/leads/csv")).contains("csv-service");
        assertThat(table.serviceFor("/api/v1/leads/ld-1")).contains("ingestion-service");
        assertThat(table.serviceFor("/api/v1/leads/ld-1/release")).contains("gate-service");
        assertThat(table.serviceFor("/api/v1/leads/ld-1/release/now")).isEmpty();
        assertThat(table.serviceFor("/api/v1/leads")).isEmpty();
    }

    @Test
    void theConsoleOwnsEverythingUnderConsoleAndAPathItemWithoutAServiceIsRefused() {
        RouteTable table = RouteTable.fromOpenApi(yaml("paths:\n  /t/u/{token}:\n    x-superkabe-service: s\n"));

        assertThat(table.serviceFor("/console/fleet/mailboxes")).contains(GatewayProperties.CONSOLE);
        assertThat(table.serviceFor("/t/u/abc")).contains("s");
        assertThatThrownBy(() -> RouteTable.fromOpenApi(yaml("paths:\n  /api/v1/x:\n    get: {}\n")))
                .hasMessageContaining("/api/v1/x names no service");
    }

    @Test
    void servicesAreFoundFromEnvironmentVariablesAndDefaultToTheLocalStacksPorts() {
        GatewayProperties p = bind(Map.of("SUPERKABE_GATEWAY_ROUTES_SENDADAPTER", "http://sender:9000",
                "SUPERKABE_GATEWAY_ROUTES_CONSOLE", "http://console:9001"));

        assertThat(p.routes()).containsEntry("send-adapter-service", URI.create("http://sender:9000"))
                .containsEntry("console", URI.create("http://console:9001"))
                .containsEntry("ingestion-service", URI.create("http://localhost:8081"))
                .hasSize(7);
    }

    @Test
    void servicesAreFoundFromSpringApplicationJsonKeyedByTheirFullNamesAsTheHelmChartRendersThem() {
        GatewayProperties p = bind(Map.of("SPRING_APPLICATION_JSON", "{\"superkabe\":{\"gateway\":{\"routes\":"
                + "{\"protection-service\":\"http://protection.ns.svc:8086\",\"console\":\"http://console:8087\"}}}}"));

        assertThat(p.routes()).containsEntry("protection-service", URI.create("http://protection.ns.svc:8086"))
                .containsEntry("console", URI.create("http://console:8087")).hasSize(7);
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("SUPERKABE_GATEWAY_CONNECT_TIMEOUT", "0s")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("superkabe.gateway.connect-timeout must be positive");
    }

    private static GatewayProperties bind(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();

        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        // what Spring Boot does with SPRING_APPLICATION_JSON at start-up
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bindOrCreate("superkabe.gateway", GatewayProperties.class);
    }

    private static java.io.InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
