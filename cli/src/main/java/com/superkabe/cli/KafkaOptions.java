package com.superkabe.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where the cluster is and how to authenticate; shared by every command that reads topics. */
public final class KafkaOptions {

    /** The local stack's broker (deploy/local). */
    public static final String LOCAL = "localhost:19092";

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]", defaultValue = LOCAL,
            description = "Kafka brokers to read from (default: ${DEFAULT-VALUE}, the local stack).")
    String bootstrapServers = LOCAL;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Kafka client properties for TLS/SASL (security.protocol, sasl.jaas.config, ssl.*), "
                    + "as for kafka-console-consumer. Default against the local stack: the operator's "
                    + ".local-stack/kafka-operator.properties, which the stack writes at start-up.")
    Path commandConfig;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up when the cluster does not answer within this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 30;

    /** The repository the wrapper runs from, where the local stack writes its state. */
    Path repositoryRoot = Path.of(System.getProperty("superkabe.root", "."));

    public KafkaOptions() {
    }

    public KafkaOptions(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Client properties: the command config first, the bootstrap servers always from the option. */
    public Properties client() {
        Properties p = new Properties();
        Path config = commandConfig != null ? commandConfig : localStackOperator();
        if (config != null) {
            try (Reader r = Files.newBufferedReader(config)) {
                p.load(r);
            } catch (IOException e) {
                throw new InputException("cannot read --command-config " + config + ": " + e.getMessage());
            }
        }
        p.put("bootstrap.servers", bootstrapServers);
        p.putIfAbsent("request.timeout.ms", Integer.toString(timeoutSeconds * 1000));
        p.putIfAbsent("default.api.timeout.ms", Integer.toString(timeoutSeconds * 1000));
        return p;
    }

    /**
     * The local stack's broker takes only authenticated clients (SASL/SCRAM, ADR 0043); reading it
     * without credentials would only time out. So against the local stack, with no --command-config,
     * the operator's properties the stack wrote are used (the wrapper says where the repository is).
     */
    private Path localStackOperator() {
        if (!LOCAL.equals(bootstrapServers)) {
            return null;
        }
        Path written = repositoryRoot.resolve(".local-stack").resolve("kafka-operator.properties");
        return Files.isReadable(written) ? written : null;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }
}
