package com.superkabe.gateway;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway sends each service's paths, and how long it waits.
 *
 * @param routes base URL of each service by its name (ingestion-service … protection-service, console);
 *               defaults are the local stack's ports 8081–8086 and 8087 for the console. Keys with dashes
 *               come from properties or SPRING_APPLICATION_JSON; an environment variable may name the
 *               service without dashes or the -service suffix (SUPERKABE_GATEWAY_ROUTES_SENDADAPTER)
 * @param connectTimeout how long to wait for a service to accept the connection before answering 502
 * @param responseTimeout how long to wait for a service's response headers before answering 502
 */
@Validated
@ConfigurationProperties("superkabe.gateway")
public record GatewayProperties(Map<String, URI> routes,
                                @NotNull @DefaultValue("2s") Duration connectTimeout,
                                @NotNull @DefaultValue("120s") Duration responseTimeout) {

    /** The service that owns {@code /console/**}. */
    public static final String CONSOLE = "console";

    static final Map<String, URI> DEFAULTS = defaults();

    public GatewayProperties {
        Map<String, URI> all = new LinkedHashMap<>(DEFAULTS);
        if (routes != null) {
            routes.forEach((key, url) -> all.put(serviceNamed(key), url));
        }
        routes = Map.copyOf(all);
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("superkabe.gateway.connect-timeout must be positive, was "
                    + connectTimeout);
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("superkabe.gateway.response-timeout must be positive, was "
                    + responseTimeout);
        }
    }

    /** {@code sendadapter}, {@code send-adapter} and {@code send-adapter-service} all name send-adapter-service. */
    static String serviceNamed(String key) {
        String wanted = canonical(key);
        return DEFAULTS.keySet().stream().filter(name -> canonical(name).equals(wanted)).findFirst().orElse(key);
    }

    private static String canonical(String name) {
        String letters = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return letters.endsWith("service") ? letters.substring(0, letters.length() - "service".length()) : letters;
    }

    private static Map<String, URI> defaults() {
        Map<String, URI> d = new LinkedHashMap<>();
        d.put("ingestion-service", URI.create("http://localhost:8081"));
        d.put("gate-service", URI.create("http://localhost:8082"));
        d.put("sequencer-service", URI.create("http://localhost:8083"));
        d.put("send-adapter-service", URI.create("http://localhost:8084"));
        d.put("reply-poller-service", URI.create("http://localhost:8085"));
        d.put("protection-service", URI.create("http://localhost:8086"));
        d.put(CONSOLE, URI.create("http://localhost:8087"));
        return Map.copyOf(d);
    }
}
