package com.superkabe.helm;

import static com.superkabe.helm.Rendered.at;
import static com.superkabe.helm.Rendered.maps;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The gateway and the console find the services through the environment the chart gives them, bound as Spring
 * Boot binds it: the gateway's {@code superkabe.gateway.routes} map (keys with dashes, so JSON rather than
 * variable names) and the console's {@code superkabe.console.*} URLs.
 */
class FrontDoorWiringTest {

    static final Map<String, String> SERVICES = Map.of("ingestion-service", "8081", "gate-service", "8082",
            "sequencer-service", "8083", "send-adapter-service", "8084", "reply-poller-service", "8085",
            "protection-service", "8086");

    @Test
    void the_gateway_routes_every_enabled_component_to_its_service_in_the_release_namespace() {
        Rendered r = Rendered.of("production", Helm.template(List.of(Helm.values("production"))));
        Binder binder = binder(env(r, "api-gateway"));
        Map<String, URI> routes = binder.bind("superkabe.gateway.routes", Bindable.mapOf(String.class, URI.class)).get();
        Map<String, URI> expected = new LinkedHashMap<>();
        SERVICES.forEach((name, port) -> expected.put(name, URI.create("http://" + name + ".superkabe.svc:" + port)));
        expected.put("console", URI.create("http://console.superkabe.svc:8087"));
        assertThat(routes).isEqualTo(expected);

        Rendered withoutConsole = Rendered.of("minimal without console", Helm.template(List.of(Helm.values("minimal")),
                "services.console.enabled=false"));
        assertThat(binder(env(withoutConsole, "api-gateway")).bind("superkabe.gateway.routes",
                Bindable.mapOf(String.class, URI.class)).get()).doesNotContainKey("console").hasSize(6);
    }

    @Test
    void the_console_reaches_each_service_by_its_service_url() {
        Rendered r = Rendered.of("production", Helm.template(List.of(Helm.values("production"))));
        Binder binder = binder(env(r, "console"));
        Map<String, String> expected = Map.of("ingestion", "ingestion-service", "gate", "gate-service",
                "sequencer", "sequencer-service", "send-adapter", "send-adapter-service",
                "reply-poller", "reply-poller-service", "protection", "protection-service");
        expected.forEach((property, service) -> assertThat(binder.bind("superkabe.console." + property, URI.class).get())
                .as("superkabe.console." + property)
                .isEqualTo(URI.create("http://" + service + ".superkabe.svc:" + SERVICES.get(service))));
        assertThat(binder.bind("server.servlet.session.cookie.secure", Boolean.class).get())
                .as("production: the session cookie only over TLS").isTrue();
    }

    static Map<String, Object> env(Rendered r, String deployment) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Map<String, Object> e : maps(at(maps(at(r.byName("Deployment").get(deployment), "spec", "template", "spec",
                "containers")).getFirst(), "env"))) {
            env.put(String.valueOf(e.get("name")), String.valueOf(e.get("value")));
        }
        return env;
    }

    static Binder binder(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment);
    }
}
