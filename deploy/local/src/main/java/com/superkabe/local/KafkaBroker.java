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
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) started from the Maven
 * artifacts as a child JVM, so the services talk to exactly what they talk to in production.
 */
final class KafkaBroker {

    static final int PORT = 19092;
    static final int CONTROLLER_PORT = 19093;
    static final String BOOTSTRAP = "localhost:" + PORT;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx768m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true");

    static String serverProperties(Path dataDir) {
        return """
                process.roles=broker,controller
                node.id=1
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                controller.quorum.bootstrap.servers=localhost:%2$d
                log.dirs=%3$s
                num.partitions=1
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(PORT, CONTROLLER_PORT, dataDir.toAbsolutePath().toString().replace('\\', '/'));
    }

    private volatile ChildProcess broker;
    private final StackLayout layout;
    private final long launchedAt;
    private final List<String> command;
    private int restarts;

    private KafkaBroker(ChildProcess broker, StackLayout layout, long launchedAt, List<String> command) {
        this.broker = broker;
        this.layout = layout;
        this.launchedAt = launchedAt;
        this.command = command;
    }

    /**
     * Formats fresh storage and starts the broker without waiting for it, so the in-process parts
     * can start meanwhile; {@link #awaitReady()} then waits and creates the catalogue's topics.
     */
    static KafkaBroker launch(StackLayout layout, Resources resources) throws InterruptedException {
        long t0 = System.nanoTime();
        String cp = Jvm.runtimeClasspath(layout);
        Path config = prepareConfig(layout);
        ChildProcess format = ChildProcess.start("kafka-storage-format", Jvm.mainClass(cp, List.of(),
                "kafka.tools.StorageTool", List.of("format", "--standalone", "-t", Uuid.randomUuid().toString(),
                        "-c", config.toString())), layout.repoRoot(), layout.logFile("kafka-format"));
        if (format.awaitExit(Duration.ofSeconds(60)) != 0) {
            throw new StackException("formatting Kafka storage failed:\n" + format.whyItFailed(15));
        }
        List<String> command = Jvm.mainClass(cp, JVM_OPTIONS, "kafka.Kafka", List.of(config.toString()));
        ChildProcess process = ChildProcess.start("kafka", command, layout.repoRoot(), layout.logFile("kafka"));
        Preflight.recordPid(layout, process.pid(), "kafka");
        KafkaBroker kafka = new KafkaBroker(process, layout, t0, command);
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
        Duration took = Duration.ofNanos(System.nanoTime() - launchedAt);
        Console.info("Kafka broker up on " + BOOTSTRAP + " in " + Console.seconds(took) + " (pid " + broker.pid()
                + ", log " + layout.show(broker.log()) + ")");
        return took;
    }

    private static Path prepareConfig(StackLayout layout) {
        try {
            // a fresh cluster each run: the database is fresh too, and old offsets would not match it
            Files.createDirectories(layout.stateDir());
            FileTrees.deleteRecursively(layout.kafkaDir());
            Path data = Files.createDirectories(layout.kafkaDir().resolve("data"));
            Path config = layout.kafkaDir().resolve("server.properties");
            Files.writeString(config, serverProperties(data), StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new StackException("cannot prepare " + layout.kafkaDir() + ": " + e.getMessage(), e);
        }
    }

    private void awaitAnswering() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Preflight.inUse(PORT)) {
            if (!broker.isAlive()) {
                throw new StackException("the Kafka broker exited during start-up; "
                        + layout.show(broker.log()) + " says:\n" + broker.whyItFailed(20));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("Kafka did not open port " + PORT + " within "
                        + Console.seconds(START_TIMEOUT) + "; see " + layout.show(broker.log()));
            }
            Thread.sleep(100);
        }
        try (Admin admin = admin()) {
            admin.describeCluster().clusterId().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            createCatalogueTopics(admin);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("Kafka is listening but not answering: " + e.getMessage()
                    + "; see " + layout.show(broker.log()), e);
        }
    }

    /** The services would race each other creating the same topics; creating them once up front avoids it. */
    private static void createCatalogueTopics(Admin admin) throws InterruptedException, ExecutionException {
        List<NewTopic> topics = Arrays.stream(Topic.values()).map(t -> {
            NewTopic nt = new NewTopic(t.topicName(), t.partitions(), (short) 1);
            return t.retention() == null ? nt
                    : nt.configs(Map.of("retention.ms", Long.toString(t.retention().toMillis())));
        }).toList();
        try {
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000));
    }
}
