package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaOptionsTest {

    @Test
    void theCommandConfigsSecuritySettingsAreUsedButTheBootstrapServersComeFromTheOption(@TempDir Path dir)
            throws IOException {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                + "bootstrap.servers=ignored:9092\n");
        KafkaOptions options = new KafkaOptions("broker-1:9093");
        options.commandConfig = config;

        Properties p = options.client();

        assertThat(p).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", "broker-1:9093");
    }

    @Test
    void aMissingCommandConfigIsAnInputErrorNamingTheFile(@TempDir Path dir) {
        KafkaOptions options = new KafkaOptions("broker-1:9093");
        options.commandConfig = dir.resolve("nope.properties");

        assertThatThrownBy(options::client).isInstanceOf(InputException.class).hasMessageContaining("nope.properties");
    }

    @Test
    void withoutOptionsTheLocalStacksBrokerIsRead() {
        assertThat(new KafkaOptions().client()).containsEntry("bootstrap.servers", "localhost:19092");
    }

    @Test
    void againstTheLocalStackWithoutACommandConfigTheOperatorPropertiesTheStackWroteAreUsed(@TempDir Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve(".local-stack"));
        Files.writeString(dir.resolve(".local-stack/kafka-operator.properties"),
                "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n");
        KafkaOptions local = new KafkaOptions();
        local.repositoryRoot = dir;
        KafkaOptions elsewhere = new KafkaOptions("broker-1:9093");
        elsewhere.repositoryRoot = dir;

        assertThat(local.client()).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("bootstrap.servers", "localhost:19092");
        assertThat(elsewhere.client()).doesNotContainKey("security.protocol");
    }

    @Test
    void anExplicitCommandConfigWinsOverTheLocalStacksProperties(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".local-stack"));
        Files.writeString(dir.resolve(".local-stack/kafka-operator.properties"), "security.protocol=SASL_PLAINTEXT\n");
        Path mine = dir.resolve("mine.properties");
        Files.writeString(mine, "security.protocol=SSL\n");
        KafkaOptions options = new KafkaOptions();
        options.repositoryRoot = dir;
        options.commandConfig = mine;

        assertThat(options.client()).containsEntry("security.protocol", "SSL");
    }
}
