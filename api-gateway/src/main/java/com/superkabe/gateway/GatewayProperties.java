package com.superkabe.gateway;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway sends each service's paths, and how long it waits.
 *
 * @param routes the base URL of each service (defaults: the local stack's ports)
 * @param connectTimeout how long to wait for a service to accept the connection before answering 502
 * @param responseTimeout how long to wait for a service's response headers before answering 502
 */
@Validated
@ConfigurationProperties("superkabe.gateway")
public record GatewayProperties(@NotNull @DefaultValue @NestedConfigurationProperty Routes routes,
                                @NotNull @DefaultValue("2s") Duration connectTimeout,
                                @NotNull @DefaultValue("120s") Duration responseTimeout) {

    /** The service that owns {@code /console/**}. */
    public static final String CONSOLE = "console";

    public GatewayProperties {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("superkabe.gateway.connect-timeout must be positive, was "
                    + connectTimeout);
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("superkabe.gateway.response-timeout must be positive, was "
                    + responseTimeout);
        }
    }

    /**
     * One property per service, so each has its environment variable ({@code SUPERKABE_GATEWAY_ROUTES_SENDADAPTER}).
     *
     * @param ingestion base URL of ingestion-service
     * @param gate base URL of gate-service
     * @param sequencer base URL of sequencer-service
     * @param sendAdapter base URL of send-adapter-service
     * @param replyPoller base URL of reply-poller-service
     * @param protection base URL of protection-service
     * @param console base URL of the console, which owns /console/**
     */
    public record Routes(@DefaultValue("http://localhost:8081") URI ingestion,
                         @DefaultValue("http://localhost:8082") URI gate,
                         @DefaultValue("http://localhost:8083") URI sequencer,
                         @DefaultValue("http://localhost:8084") URI sendAdapter,
                         @DefaultValue("http://localhost:8085") URI replyPoller,
                         @DefaultValue("http://localhost:8086") URI protection,
                         @DefaultValue("http://localhost:8087") URI console) {

        /** By the service names the API document uses in {@code x-superkabe-service}. */
        public Map<String, URI> byService() {
            Map<String, URI> m = new LinkedHashMap<>();
            m.put("ingestion-service", ingestion);
            m.put("gate-service", gate);
            m.put("sequencer-service", sequencer);
            m.put("send-adapter-service", sendAdapter);
            m.put("reply-poller-service", replyPoller);
            m.put("protection-service", protection);
            m.put(CONSOLE, console);
            return Map.copyOf(m);
        }
    }
}
