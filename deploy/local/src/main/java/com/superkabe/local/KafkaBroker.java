package com.superkabe.local;

import com.superkabe.events.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import java.util.ArrayList;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) started from the Maven
 * artifacts as a child JVM, so the services talk to exactly what they talk to in production.
 */
final class KafkaBroker {

    static final int PORT = 19092;
    static final int CONTROLLER_PORT = 19093;
    static final String BOOTSTRAP = "localhost:" + PORT;
    /** Fault runs only: the services' listener behind the proxy on {@link #PORT}, and the launcher's own. */
    static final int PROXIED_PORT = 19094;
    static final int DIRECT_PORT = 19095;
    /** Where the launcher's clients connect: {@link #BOOTSTRAP}, or the direct listener behind a fault proxy. */
    private static volatile String launcherBootstrap = BOOTSTRAP;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx768m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true");

    /**
     * SASL/SCRAM-SHA-512 for clients and between brokers, SASL/PLAIN on the controller listener (the
     * controller must authenticate before the metadata that holds SCRAM credentials is loaded), and
     * the StandardAuthorizer denying whatever no ACL allows (ADR 0043). No listener is open to
     * unauthenticated clients.
     */
    static String serverProperties(Path dataDir, int port, int controllerPort, KafkaUsers users) {
        return serverProperties(dataDir, port, controllerPort, users, null);
    }

    /**
     * The same broker behind a fault proxy (ADR 0054): the client listener on {@code port} advertises the
     * proxy's address, so clients that learn the broker from metadata (all of them) reconnect through the
     * proxy, not around it; a second listener, DIRECT, advertises itself for the launcher's own clients and
     * the broker's connections to itself, which the proxy's faults must not touch.
     */
    static String serverProperties(Path dataDir, int port, int controllerPort, KafkaUsers users, Proxied proxied) {
        String base = serverPropertiesWithoutProxy(dataDir, port, controllerPort, users);
        if (proxied == null) {
            return base;
        }
        String direct = "DIRECT://localhost:" + proxied.directPort();
        return base
                .replace("listeners=SASL_PLAINTEXT://localhost:" + port + ",",
                        "listeners=SASL_PLAINTEXT://localhost:" + port + "," + direct + ",")
                .replace("advertised.listeners=SASL_PLAINTEXT://localhost:" + port + "," + direct + ",",
                        "advertised.listeners=SASL_PLAINTEXT://localhost:" + proxied.advertisedPort() + "," + direct + ",")
                .replace("inter.broker.listener.name=SASL_PLAINTEXT", "inter.broker.listener.name=DIRECT")
                .replace("SASL_PLAINTEXT:SASL_PLAINTEXT\n", "SASL_PLAINTEXT:SASL_PLAINTEXT,DIRECT:SASL_PLAINTEXT\n")
                + "listener.name.direct.scram-sha-512.sasl.jaas.config=" + users.jaas(KafkaUsers.ADMIN) + "\n";
    }

    /** Where the proxy listens (what the services' listener advertises) and the launcher's own listener. */
    record Proxied(int advertisedPort, int directPort) {
    }

    private static String serverPropertiesWithoutProxy(Path dataDir, int port, int controllerPort, KafkaUsers users) {
        String controller = KafkaUsers.CONTROLLER;
        String controllerPassword = users.password(controller);
        return """
                process.roles=broker,controller
                node.id=1
                listeners=SASL_PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=SASL_PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=SASL_PLAINTEXT
                listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
                controller.quorum.bootstrap.servers=localhost:%2$d
                sasl.enabled.mechanisms=SCRAM-SHA-512
                sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
                sasl.mechanism.controller.protocol=PLAIN
                listener.name.controller.sasl.enabled.mechanisms=PLAIN
                listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="%4$s" password="%5$s" user_%4$s="%5$s";
                listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=%6$s
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                allow.everyone.if.no.acl.found=false
                super.users=User:%7$s;User:%4$s
                log.dirs=%3$s
                num.partitions=1
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, dataDir.toAbsolutePath().toString().replace('\\', '/'),
                controller, controllerPassword, users.jaas(KafkaUsers.ADMIN), KafkaUsers.ADMIN);
    }

    private volatile ChildProcess broker;
    private final StackLayout layout;
    private final long launchedAt;
    private final List<String> command;
    private int restarts;

    private final int port;
    private final KafkaUsers users;

    private KafkaBroker(ChildProcess broker, StackLayout layout, long launchedAt, List<String> command, int port,
                        KafkaUsers users) {
        this.broker = broker;
        this.port = port;
        this.users = users;
        this.layout = layout;
        this.launchedAt = launchedAt;
        this.command = command;
    }

    /**
     * Formats fresh storage and starts the broker without waiting for it, so the in-process parts
     * can start meanwhile; {@link #awaitReady()} then waits and creates the catalogue's topics.
     */
    static KafkaBroker launch(StackLayout layout, Resources resources) throws InterruptedException {
        return launch(layout, resources, PORT, CONTROLLER_PORT, KafkaUsers.launcher());
    }

    /** On other ports and users: tests run their own broker beside a running stack. */
    static KafkaBroker launch(StackLayout layout, Resources resources, int port, int controllerPort, KafkaUsers users)
            throws InterruptedException {
        return launch(layout, resources, port, controllerPort, users, null);
    }

    /**
     * The stack's broker for fault runs: the services' listener on {@link #PROXIED_PORT}, advertised as
     * {@link #PORT} where the Kafka fault proxy listens, and the launcher's clients (the workload's producer,
     * the checker's consumers, the forensics verify) on {@link #DIRECT_PORT}, around the proxy.
     */
    static KafkaBroker launchBehindProxy(StackLayout layout, Resources resources) throws InterruptedException {
        KafkaBroker broker = launch(layout, resources, PROXIED_PORT, CONTROLLER_PORT, KafkaUsers.launcher(),
                new Proxied(PORT, DIRECT_PORT));
        launcherBootstrap = broker.bootstrap();
        return broker;
    }

    private static KafkaBroker launch(StackLayout layout, Resources resources, int port, int controllerPort,
                                      KafkaUsers users, Proxied proxied) throws InterruptedException {
        long t0 = System.nanoTime();
        String cp = Jvm.runtimeClasspath(layout);
        Path config = prepareConfig(layout, port, controllerPort, users, proxied);
        List<String> formatArgs = new ArrayList<>(List.of("format", "--standalone", "-t",
                Uuid.randomUuid().toString(), "-c", config.toString()));
        // SCRAM users go into the bootstrap metadata, so the broker authenticates them from its first second
        for (String user : users.scramUsers()) {
            formatArgs.addAll(List.of("--add-scram", KafkaUsers.MECHANISM + "=[name=" + user + ",password="
                    + users.password(user) + "]"));
        }
        ChildProcess format = ChildProcess.start("kafka-storage-format", Jvm.mainClass(cp, List.of(),
                "kafka.tools.StorageTool", formatArgs), layout.repoRoot(), layout.logFile("kafka-format"));
        if (format.awaitExit(Duration.ofSeconds(60)) != 0) {
            throw new StackException("formatting Kafka storage failed:\n" + format.whyItFailed(15));
        }
        List<String> command = Jvm.mainClass(cp, JVM_OPTIONS, "kafka.Kafka", List.of(config.toString()));
        ChildProcess process = ChildProcess.start("kafka", command, layout.repoRoot(), layout.logFile("kafka"));
        Preflight.recordPid(layout, process.pid(), "kafka");
        KafkaBroker kafka = new KafkaBroker(process, layout, t0, command, proxied == null ? port : proxied.directPort(),
                users);
        resources.add("Kafka broker (pid " + process.pid() + ")",
                () -> ChildProcess.stopAll(List.of(kafka.broker), Duration.ofSeconds(20)));
        return kafka;
    }

    /** kill -9 of the broker mid-flight: no controlled shutdown, its log directory as the crash left it. */
    void kill() {
        broker.kill();
    }

    /**
     * Starts the broker again on the storage the killed one left (no format), as an operator's restart
     * would, and waits until it answers; its output goes to {@code kafka-restart-<n>.log}.
     */
    void restart() throws InterruptedException {
        broker = ChildProcess.start("kafka", command, layout.repoRoot(), layout.logFile("kafka-restart-" + (++restarts)));
        Preflight.recordPid(layout, broker.pid(), "kafka");
        awaitAnswering();
    }

    /** Returns how long the broker took from launch until it answered. */
    Duration awaitReady() throws InterruptedException {
        awaitAnswering();
        writeOperatorProperties();
        Duration took = Duration.ofNanos(System.nanoTime() - launchedAt);
        Console.info("Kafka broker up on " + bootstrap() + " (SASL/SCRAM, ACLs on) in " + Console.seconds(took) + " (pid " + broker.pid()
                + ", log " + layout.show(broker.log()) + ")");
        return took;
    }

    /** Where the CLI's {@code --command-config} file is written: the operator's read-only identity. */
    static Path operatorProperties(StackLayout layout) {
        return layout.stateDir().resolve("kafka-operator.properties");
    }

    private void writeOperatorProperties() {
        Path file = operatorProperties(layout);
        try {
            Files.writeString(file, users.operatorProperties(), StandardCharsets.UTF_8);
            restrictToOwner(file);
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    String bootstrap() {
        return "localhost:" + port;
    }

    KafkaUsers users() {
        return users;
    }

    private static Path prepareConfig(StackLayout layout, int port, int controllerPort, KafkaUsers users,
                                      Proxied proxied) {
        try {
            // a fresh cluster each run: the database is fresh too, and old offsets would not match it
            Files.createDirectories(layout.stateDir());
            FileTrees.deleteRecursively(layout.kafkaDir());
            Path data = Files.createDirectories(layout.kafkaDir().resolve("data"));
            Path config = layout.kafkaDir().resolve("server.properties");
            Files.writeString(config, serverProperties(data, port, controllerPort, users, proxied), StandardCharsets.UTF_8);
            restrictToOwner(config);
            return config;
        } catch (IOException e) {
            throw new StackException("cannot prepare " + layout.kafkaDir() + ": " + e.getMessage(), e);
        }
    }

    private void awaitAnswering() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Preflight.inUse(port)) {
            if (!broker.isAlive()) {
                throw new StackException("the Kafka broker exited during start-up; "
                        + layout.show(broker.log()) + " says:\n" + broker.whyItFailed(20));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("Kafka did not open port " + port + " within "
                        + Console.seconds(START_TIMEOUT) + "; see " + layout.show(broker.log()));
            }
            Thread.sleep(100);
        }
        try (Admin admin = admin(bootstrap(), users, KafkaUsers.ADMIN)) {
            admin.describeCluster().clusterId().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            createCatalogueTopics(admin);
            createAcls(admin, users.grants());
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("Kafka is listening but not answering: " + e.getMessage()
                    + "; see " + layout.show(broker.log()), e);
        }
    }

    /**
     * The services would race each other creating the same topics; creating them once up front avoids it.
     * Each service's dead-letter topic too: a service creates its own at start-up, but only logs it when
     * its admin client times out (seen on a loaded machine), and then cannot dead-letter a poison record,
     * which blocks its partition (fault run poison-records lost the intake topic's leads so).
     */
    private static void createCatalogueTopics(Admin admin) throws InterruptedException, ExecutionException {
        List<NewTopic> topics = new ArrayList<>(Arrays.stream(Topic.values()).map(t -> {
            NewTopic nt = new NewTopic(t.topicName(), t.partitions(), (short) 1);
            return t.retention() == null ? nt
                    : nt.configs(Map.of("retention.ms", Long.toString(t.retention().toMillis())));
        }).toList());
        Arrays.stream(com.superkabe.events.Service.values())
                .forEach(s -> topics.add(new NewTopic(s.deadLetterTopic(), 1, (short) 1)));
        try {
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** The plan's ACLs; creating an existing binding again is a no-op, so a restart may repeat it. */
    private static void createAcls(Admin admin, List<AclPlan.Grant> grants) throws InterruptedException,
            ExecutionException {
        List<AclBinding> bindings = grants.stream().map(KafkaBroker::binding).toList();
        admin.createAcls(bindings).all().get();
        // the controller has committed them; the broker's authorizer applies them a moment later, and a
        // client connecting in between would be refused
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(bindings)) {
            if (System.nanoTime() > deadline) {
                throw new StackException("the broker did not apply the ACLs within 30 s");
            }
            Thread.sleep(100);
        }
    }

    static AclBinding binding(AclPlan.Grant g) {
        return new AclBinding(new ResourcePattern(ResourceType.valueOf(g.resource().name()), g.name(),
                PatternType.valueOf(g.pattern().name())),
                new AccessControlEntry(g.principal(), "*", AclOperation.valueOf(g.operation().name()),
                        AclPermissionType.ALLOW));
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the state directory's own permissions are all there is
        }
    }

    /** The launcher's admin client (the super user) on the stack's broker. */
    static Admin admin() {
        return admin(launcherBootstrap, KafkaUsers.launcher(), KafkaUsers.ADMIN);
    }

    static Admin admin(String bootstrap, KafkaUsers users, String user) {
        return Admin.create(users.client(bootstrap, user, Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000)));
    }

    /** A launcher client's settings on the stack's broker as {@code user}, merged with {@code extra}. */
    static Map<String, Object> client(String user, Map<String, Object> extra) {
        return KafkaUsers.launcher().client(launcherBootstrap, user, extra);
    }
}
