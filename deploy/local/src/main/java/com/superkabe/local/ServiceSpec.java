package com.superkabe.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the six services as the local stack runs it: its port, the properties it needs here, and
 * (if it resolves DNS) the property that points its resolver at the launcher's {@link LocalDns}.
 */
record ServiceSpec(String name, int port, List<String> extraArgs, String dnsServerProperty, int instance) {

    /** Instance n of a service listens {@code (n - 1) * REPLICA_PORT_STEP} above the first: 8091–8096 for the second. */
    static final int REPLICA_PORT_STEP = 10;
    static final int MAX_REPLICAS = 2;

    ServiceSpec(String name, int port, List<String> extraArgs, String dnsServerProperty) {
        this(name, port, extraArgs, dnsServerProperty, 1);
    }

    static final String ADMIN_TOKEN = "local-admin-token";

    /**
     * Protection at demo speed, in logical ticks of 60 s (the sequencer ticks once a wall second):
     * cooldowns of 15/45/105 ticks instead of 24 h/72 h/7 d, relapse holds shortened alike, a DNS
     * re-check every tick while quarantined, and 20 ticks (instead of 3 days) minimum in warm_recovery.
     * Thresholds and clean-send counts stay the product's.
     */
    static final List<String> PROTECTION_DEMO_SPEED = List.of(
            "--superkabe.protection.cooldowns=PT15M,PT45M,PT105M",
            "--superkabe.protection.relapse-quarantine=PT30M",
            "--superkabe.protection.relapse-pause=PT45M",
            "--superkabe.protection.manual-review=PT105M",
            "--superkabe.protection.dns-check-interval=PT1M",
            "--superkabe.protection.warm-recovery-minimum=PT20M",
            "--superkabe.protection.dns.default-selectors=" + LocalDns.DKIM_SELECTOR,
            "--superkabe.protection.dns.dnsbls=" + LocalDns.DNSBL_ZONE);

    /**
     * The sequencer's retry backoff for transient send failures at demo speed: 2 ticks doubling to at
     * most 8 (the product's 15 → 240), so a greylisted first attempt is retried within seconds.
     */
    static final List<String> SEQUENCER_DEMO_SPEED = List.of(
            // one logical tick per wall second (the logical period stays 60 s) so the demo moves quickly
            "--superkabe.clock.interval=1s",
            "--superkabe.sequencer.sending.retry-base-ticks=2",
            "--superkabe.sequencer.sending.retry-max-ticks=8");

    /**
     * The local mail server (GreenMail) listens on loopback, which the send adapter and reply poller
     * refuse by default (ADR 0027): here loopback is allowed, and the stack's own ports stay refused
     * (the six services, the broker and its controller, PostgreSQL, Prometheus with --observability).
     */
    static final List<String> LOOPBACK_MAILBOXES = List.of(
            "--superkabe.mailbox.allowed-hosts=127.0.0.0/8,::1,localhost",
            "--superkabe.mailbox.refused-ports=8080,8081,8082,8083,8084,8085,8086,8087,8091,8092,8093,8094,8095,8096,"
                    + "19092,19093,19094,19095,15432,15433,9090");

    static final List<ServiceSpec> ALL = List.of(
            // customers' intake records must be signed by a producer key of the organization they name (ADR 0043)
            new ServiceSpec("ingestion-service", 8081, List.of("--superkabe.admin-token=" + ADMIN_TOKEN,
                    "--superkabe.ingestion.intake.bound-producers=true"),
                    "superkabe.ingestion.mx.dns-server"),
            new ServiceSpec("gate-service", 8082, List.of(), null),
            new ServiceSpec("sequencer-service", 8083, SEQUENCER_DEMO_SPEED, null),
            new ServiceSpec("send-adapter-service", 8084, LOOPBACK_MAILBOXES, null),
            new ServiceSpec("reply-poller-service", 8085, concat(List.of("--superkabe.poll.interval=2s"),
                    LOOPBACK_MAILBOXES), null),
            new ServiceSpec("protection-service", 8086, PROTECTION_DEMO_SPEED, "superkabe.protection.dns.server"));

    /**
     * The one API entry port (ADR 0031): routes /api, /admin and /t to the six services above by path,
     * /console to the console on 8087; its default routes are these ports.
     */
    static final ServiceSpec GATEWAY = new ServiceSpec("api-gateway", 8080, List.of(), null);

    /** The given services and the gateway in front of them, which the stack always starts. */
    static List<ServiceSpec> withGateway(List<ServiceSpec> services) {
        List<ServiceSpec> all = new ArrayList<>(services);
        all.add(GATEWAY);
        return List.copyOf(all);
    }

    /**
     * The operator console (port 8087, pages under /console): a process of the local stack beside the
     * six services, reading them through their REST APIs at their default addresses (8081 to 8086).
     */
    static final ServiceSpec CONSOLE = new ServiceSpec("console", 8087, List.of(), null);

    /** The services to start, and the console after them (it needs none of them to start). */
    static List<ServiceSpec> withConsole(List<ServiceSpec> services) {
        List<ServiceSpec> all = new ArrayList<>(services);
        all.add(CONSOLE);
        return List.copyOf(all);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    ServiceSpec {
        extraArgs = List.copyOf(extraArgs);
        if (instance < 1 || instance > MAX_REPLICAS) {
            throw new IllegalArgumentException("instance " + instance + " of " + name + ": 1 to " + MAX_REPLICAS);
        }
    }

    /** Instance {@code n} (1-based) of this service: the same settings on its own port. */
    ServiceSpec instance(int n) {
        ServiceSpec first = new ServiceSpec(name, port - (instance - 1) * REPLICA_PORT_STEP, extraArgs,
                dnsServerProperty, 1);
        return new ServiceSpec(name, first.port + (n - 1) * REPLICA_PORT_STEP, extraArgs, dnsServerProperty, n);
    }

    /** The name in logs and messages: the service's, with the instance number from the second on. */
    String label() {
        return instance == 1 ? name : name + "-" + instance;
    }

    /**
     * {@code replicas} instances of each of the six services (one consumer group each, the work split by
     * partitions); the gateway and the console, which hold no work of their own, stay single.
     */
    static List<ServiceSpec> replicated(List<ServiceSpec> specs, int replicas) {
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("--replicas " + replicas + ": 1 to " + MAX_REPLICAS);
        }
        List<ServiceSpec> all = new ArrayList<>();
        for (ServiceSpec s : specs) {
            all.add(s);
            if (s.service().isPresent()) {
                for (int n = 2; n <= replicas; n++) {
                    all.add(s.instance(n));
                }
            }
        }
        return List.copyOf(all);
    }

    /** Command-line arguments: everything except secrets, which travel in the environment (not shown by ps). */
    List<String> args(Database db, String dnsServer) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.BOOTSTRAP,
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user()));
        args.addAll(extraArgs);
        if (service().isPresent()) {
            // the replica's name in lease rows and claims (issue #14); a service that has none ignores it
            args.add("--superkabe.instance-id=" + label());
        }
        if (dnsServerProperty != null) {
            args.add("--" + dnsServerProperty + "=" + dnsServer);
        }
        return args;
    }

    /** Spring binds {@code SUPERKABE_SECRETS_KEY} to {@code superkabe.secrets.key}, and so on. */
    static Map<String, String> secretEnvironment(Database db, String secretsKey) {
        return Map.of("SUPERKABE_SECRETS_KEY", secretsKey, "SPRING_DATASOURCE_PASSWORD", db.password());
    }

    /**
     * The secrets plus this service's own Kafka user (ADR 0043); the gateway, which has no Kafka
     * client, gets none.
     */
    Map<String, String> secretEnvironment(Database db, String secretsKey, KafkaUsers kafkaUsers) {
        Map<String, String> env = new java.util.HashMap<>(secretEnvironment(db, secretsKey));
        service().ifPresent(s -> env.putAll(kafkaUsers.serviceEnvironment(s)));
        return Map.copyOf(env);
    }

    /** The catalogue's service this spec runs, if it is one (the gateway is not). */
    java.util.Optional<com.superkabe.events.Service> service() {
        return java.util.Arrays.stream(com.superkabe.events.Service.values())
                .filter(s -> s.id().equals(name)).findFirst();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String healthUrl() {
        return baseUrl() + contextPath() + "/actuator/health";
    }

    /** The console serves everything, its health included, under /console; the services at the root. */
    String contextPath() {
        return this == CONSOLE || name.equals(CONSOLE.name) ? "/console" : "";
    }

    String prometheusUrl() {
        return baseUrl() + "/actuator/prometheus";
    }
}
