package com.superkabe.mailguard;

// Twin copies in send-adapter-service and reply-poller-service (same class name): change both, until the
// kit owns them (ADR 0027).

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * {@code superkabe.mailbox.*}: which mailbox servers may be connected to (ADR 0027).
 * {@code allowed-hosts} lifts the refusal of local, private and special addresses for the names,
 * addresses and CIDR blocks listed (empty in production; the local stack and tests allow loopback).
 * {@code refused-ports} are never connected to, on any host; the service's own HTTP port, its Kafka
 * bootstrap ports and its database port are added to them.
 *
 * @param allowedHosts names, addresses and CIDR blocks exempt from the refusal of local, private and special addresses (empty in production)
 * @param refusedPorts ports never connected to on any host; the service's own HTTP, Kafka and database ports are added
 */
@ConfigurationProperties("superkabe.mailbox")
public record MailboxProperties(@DefaultValue List<String> allowedHosts,
                                @DefaultValue({"2181", "5432", "6379", "8081", "8082", "8083", "8084", "8085",
                                        "8086", "9092", "9093"}) List<Integer> refusedPorts) {

    private static final Pattern HOST_PORT = Pattern.compile(":(\\d{1,5})(?=[/?;,]|$)");

    public MailboxProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        refusedPorts = refusedPorts == null ? List.of() : List.copyOf(refusedPorts);
        for (Integer port : refusedPorts) {
            if (port == null || port < 1 || port > 65535) {
                throw new IllegalArgumentException("superkabe.mailbox.refused-ports: " + port
                        + " is not a port (1..65535)");
            }
        }
    }

    /** The policy, with the ports this service itself talks to added to the refused ones. */
    public MailHostPolicy policy(Environment env) {
        Set<Integer> ports = new LinkedHashSet<>(refusedPorts);
        ports.addAll(ownPorts(env));
        return MailHostPolicy.of(allowedHosts, new ArrayList<>(ports));
    }

    static Set<Integer> ownPorts(Environment env) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (String key : List.of("server.port", "management.server.port")) {
            Integer port = env.getProperty(key, Integer.class);
            if (port != null && port > 0) {
                ports.add(port);
            }
        }
        for (String key : List.of("spring.kafka.bootstrap-servers", "spring.datasource.url")) {
            String value = env.getProperty(key, "");
            Matcher m = HOST_PORT.matcher(value);
            while (m.find()) {
                ports.add(Integer.parseInt(m.group(1)));
            }
        }
        return ports;
    }
}
