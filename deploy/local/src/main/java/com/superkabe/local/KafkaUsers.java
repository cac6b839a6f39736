package com.superkabe.local;

import com.superkabe.events.Service;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The broker's SCRAM users for one launcher run and their passwords, drawn fresh per launcher
 * process (ADR 0043): each service gets its own through its secret environment, the operator's
 * goes into {@code .local-stack/kafka-operator.properties} for the CLI, the demo customer's and the
 * injector's stay in the launcher's memory.
 */
final class KafkaUsers {

    static final String MECHANISM = "SCRAM-SHA-512";
    static final String PROTOCOL = "SASL_PLAINTEXT";
    /** Super user: creates topics and ACLs, and the broker's own inter-broker identity. */
    static final String ADMIN = "superkabe-admin";
    /** The controller listener's user (SASL/PLAIN: SCRAM cannot authenticate before metadata is loaded). */
    static final String CONTROLLER = "superkabe-controller";
    /** The customer principal the demos publish intake records with. */
    static final String DEMO_CUSTOMER = "superkabe-demo-customer";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KafkaUsers LAUNCHER = generate(List.of(DEMO_CUSTOMER));

    private final Map<String, String> passwords;
    private final List<String> customers;

    private KafkaUsers(Map<String, String> passwords, List<String> customers) {
        this.passwords = Map.copyOf(passwords);
        this.customers = List.copyOf(customers);
    }

    /** This launcher's users: one set per process, so a broker restart and every client agree. */
    static KafkaUsers launcher() {
        return LAUNCHER;
    }

    static KafkaUsers generate(List<String> customerProducers) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(ADMIN, secret());
        p.put(CONTROLLER, secret());
        for (Service s : AclPlan.services()) {
            p.put(AclPlan.principalOf(s), secret());
        }
        p.put(AclPlan.OPERATOR, secret());
        p.put(AclPlan.FAULT_INJECTOR, secret());
        customerProducers.forEach(c -> p.put(c, secret()));
        return new KafkaUsers(p, customerProducers);
    }

    private static String secret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    String password(String user) {
        String p = passwords.get(user);
        if (p == null) {
            throw new IllegalArgumentException("no Kafka user " + user);
        }
        return p;
    }

    List<String> customers() {
        return customers;
    }

    /** Every SCRAM user (all but the controller's PLAIN one), as {@code kafka-storage format --add-scram} takes them. */
    List<String> scramUsers() {
        List<String> users = new ArrayList<>(passwords.keySet());
        users.remove(CONTROLLER);
        return users;
    }

    /** The ACLs for this run: the plan, plus the injector the launcher's demos and fault runs use. */
    List<AclPlan.Grant> grants() {
        List<AclPlan.Grant> all = new ArrayList<>(AclPlan.grants(customers));
        all.addAll(AclPlan.faultInjector());
        return all;
    }

    /** A Kafka client's connection settings as {@code user}. */
    Map<String, Object> client(String bootstrap, String user) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
        c.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        c.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user));
        return c;
    }

    String jaas(String user) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password(user) + "\";";
    }

    /**
     * A service's Kafka identity as Spring Boot binds it from the environment: every client the
     * service builds from {@code KafkaProperties} (template, listeners, admin, ingestion's intake
     * consumer and transactional producer) authenticates as the service's own user.
     */
    Map<String, String> serviceEnvironment(Service service) {
        return Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", PROTOCOL,
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", MECHANISM,
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", jaas(AclPlan.principalOf(service)));
    }

    /** The CLI's {@code --command-config} file: the operator's read-only identity. */
    String operatorProperties() {
        return "# Written by deploy/local at start-up: the operator's Kafka identity (reads every topic, writes none)\n"
                + "security.protocol=" + PROTOCOL + "\n"
                + "sasl.mechanism=" + MECHANISM + "\n"
                + "sasl.jaas.config=" + jaas(AclPlan.OPERATOR) + "\n";
    }

    /** Merges {@code extra} into the given user's client settings. */
    Map<String, Object> client(String bootstrap, String user, Map<String, Object> extra) {
        Map<String, Object> c = client(bootstrap, user);
        c.putAll(extra);
        return c;
    }
}
