package com.superkabe.local;

import com.superkabe.events.Service;
import com.superkabe.events.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Who may do what on the broker, derived from the topic catalogue alone (ADR 0043): each service
 * writes only the topics the catalogue names it the writer of (and its own dead-letter topic), reads
 * every catalogue topic, and joins only consumer groups named after it; the operator reads
 * everything and writes nothing; customers' producers write the public intake topic and nothing
 * else. A pure function of the catalogue, so the plan cannot drift from it.
 */
final class AclPlan {

    /** Kafka's resource kinds the plan uses. */
    enum Resource { TOPIC, GROUP, TRANSACTIONAL_ID, CLUSTER }

    /** LITERAL names one resource; PREFIXED every resource whose name starts with it. */
    enum Pattern { LITERAL, PREFIXED }

    /** Kafka's operations the plan uses. */
    enum Operation { READ, WRITE, CREATE, DESCRIBE, IDEMPOTENT_WRITE }

    /** One ALLOW rule; the broker denies everything no rule allows ({@code allow.everyone.if.no.acl.found=false}). */
    record Grant(String principal, Resource resource, String name, Pattern pattern, Operation operation) {
    }

    static final String CLUSTER_NAME = "kafka-cluster";
    static final String OPERATOR = "superkabe-operator";
    /** The principal the launcher's fault runs inject poison records with; never granted on a normal start. */
    static final String FAULT_INJECTOR = "superkabe-fault-injector";

    /**
     * Services whose producers run Kafka transactions, with their transactional-id prefix: only
     * ingestion's intake path does (ADR 0012); its prefix is set in {@code IngestionConfig}.
     */
    private static final List<Service> TRANSACTIONAL = List.of(Service.INGESTION);

    private AclPlan() {
    }

    /** The Kafka user name of a service: {@code superkabe-ingestion}, {@code superkabe-send-adapter}, … */
    static String principalOf(Service service) {
        if (service == Service.EXTERNAL) {
            throw new IllegalArgumentException("customers' producers have their own user names");
        }
        return "superkabe-" + service.id().replaceFirst("-service$", "");
    }

    /** Every service of the catalogue except the customers' producers. */
    static List<Service> services() {
        return Arrays.stream(Service.values()).filter(s -> s != Service.EXTERNAL).toList();
    }

    static String transactionalIdPrefix(Service service) {
        return principalOf(service) + "-";
    }

    /** The rules for the services, the operator and the given customers' producer users. */
    static List<Grant> grants(List<String> customerProducers) {
        List<Grant> all = new ArrayList<>();
        for (Service s : services()) {
            all.addAll(service(s));
        }
        all.addAll(operator());
        for (String customer : customerProducers) {
            all.addAll(customerProducer(customer));
        }
        return List.copyOf(all);
    }

    static List<Grant> service(Service s) {
        String user = "User:" + principalOf(s);
        List<Grant> g = new ArrayList<>();
        for (Topic t : Topic.values()) {
            // reading the whole catalogue, not a per-service consumer list: reading cannot forge a fact,
            // and a list kept beside the listeners would rot the first time one is added
            g.add(new Grant(user, Resource.TOPIC, t.topicName(), Pattern.LITERAL, Operation.READ));
            g.add(new Grant(user, Resource.TOPIC, t.topicName(), Pattern.LITERAL, Operation.DESCRIBE));
            if (t.writer() == s) {
                g.add(new Grant(user, Resource.TOPIC, t.topicName(), Pattern.LITERAL, Operation.WRITE));
                // every service's KafkaAdmin declares the catalogue; the writer may create its own topics
                g.add(new Grant(user, Resource.TOPIC, t.topicName(), Pattern.LITERAL, Operation.CREATE));
            }
        }
        for (Operation op : List.of(Operation.WRITE, Operation.CREATE, Operation.DESCRIBE)) {
            g.add(new Grant(user, Resource.TOPIC, s.deadLetterTopic(), Pattern.LITERAL, op));
        }
        // the group id is the service id (KitDefaults); a prefix also covers extra listener groups
        g.add(new Grant(user, Resource.GROUP, s.id(), Pattern.PREFIXED, Operation.READ));
        g.add(new Grant(user, Resource.GROUP, s.id(), Pattern.PREFIXED, Operation.DESCRIBE));
        g.add(new Grant(user, Resource.CLUSTER, CLUSTER_NAME, Pattern.LITERAL, Operation.IDEMPOTENT_WRITE));
        g.add(new Grant(user, Resource.CLUSTER, CLUSTER_NAME, Pattern.LITERAL, Operation.DESCRIBE));
        if (TRANSACTIONAL.contains(s)) {
            g.add(new Grant(user, Resource.TRANSACTIONAL_ID, transactionalIdPrefix(s), Pattern.PREFIXED,
                    Operation.WRITE));
            g.add(new Grant(user, Resource.TRANSACTIONAL_ID, transactionalIdPrefix(s), Pattern.PREFIXED,
                    Operation.DESCRIBE));
        }
        return g;
    }

    /** Reads every topic (catalogue and dead letters) and its own groups; writes nothing. */
    static List<Grant> operator() {
        String user = "User:" + OPERATOR;
        return List.of(
                new Grant(user, Resource.TOPIC, "superkabe.", Pattern.PREFIXED, Operation.READ),
                new Grant(user, Resource.TOPIC, "superkabe.", Pattern.PREFIXED, Operation.DESCRIBE),
                new Grant(user, Resource.GROUP, OPERATOR, Pattern.PREFIXED, Operation.READ),
                new Grant(user, Resource.GROUP, "superkabe", Pattern.PREFIXED, Operation.DESCRIBE),
                new Grant(user, Resource.CLUSTER, CLUSTER_NAME, Pattern.LITERAL, Operation.DESCRIBE));
    }

    /** A customer's producer: writes the public intake topic, nothing else, and reads nothing. */
    static List<Grant> customerProducer(String userName) {
        String user = "User:" + userName;
        String intake = Topic.LEAD_INTAKE.topicName();
        return List.of(
                new Grant(user, Resource.TOPIC, intake, Pattern.LITERAL, Operation.WRITE),
                new Grant(user, Resource.TOPIC, intake, Pattern.LITERAL, Operation.DESCRIBE),
                new Grant(user, Resource.CLUSTER, CLUSTER_NAME, Pattern.LITERAL, Operation.IDEMPOTENT_WRITE));
    }

    /**
     * Fault runs only: writes every input topic (poison records, duplicated clock ticks), because that
     * is the fault being injected; a normal start never creates this user.
     */
    static List<Grant> faultInjector() {
        String user = "User:" + FAULT_INJECTOR;
        return List.of(
                new Grant(user, Resource.TOPIC, "superkabe.", Pattern.PREFIXED, Operation.WRITE),
                new Grant(user, Resource.TOPIC, "superkabe.", Pattern.PREFIXED, Operation.READ),
                new Grant(user, Resource.TOPIC, "superkabe.", Pattern.PREFIXED, Operation.DESCRIBE),
                new Grant(user, Resource.GROUP, FAULT_INJECTOR, Pattern.PREFIXED, Operation.READ),
                new Grant(user, Resource.CLUSTER, CLUSTER_NAME, Pattern.LITERAL, Operation.IDEMPOTENT_WRITE));
    }

    /**
     * Prints the plan as {@code kafka-acls.sh} commands, for a cluster the local stack does not run
     * (Kubernetes): arguments are the customers' producer user names.
     */
    public static void main(String[] customers) {
        grants(List.of(customers)).forEach(g -> System.out.println(kafkaAcls(g)));
    }

    /** One grant as a {@code kafka-acls.sh --add} command line; the admin's client properties in {@code $ADMIN_CONFIG}. */
    static String kafkaAcls(Grant g) {
        String resource = switch (g.resource()) {
            case TOPIC -> "--topic " + g.name();
            case GROUP -> "--group " + g.name();
            case TRANSACTIONAL_ID -> "--transactional-id " + g.name();
            case CLUSTER -> "--cluster";
        };
        String operation = switch (g.operation()) {
            case IDEMPOTENT_WRITE -> "IdempotentWrite";
            default -> g.operation().name().charAt(0) + g.operation().name().substring(1).toLowerCase(java.util.Locale.ROOT);
        };
        return "kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config \"$ADMIN_CONFIG\" --add"
                + " --allow-principal " + g.principal() + " --operation " + operation + " " + resource
                + (g.pattern() == Pattern.PREFIXED ? " --resource-pattern-type prefixed" : "");
    }

    /** The topics a principal may write under the plan (LITERAL grants only). */
    static Set<String> writableTopics(List<Grant> plan, String userName) {
        return plan.stream().filter(g -> g.principal().equals("User:" + userName)
                        && g.resource() == Resource.TOPIC && g.operation() == Operation.WRITE)
                .map(Grant::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
