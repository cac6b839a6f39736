package com.superkabe.helm;

import static com.superkabe.helm.Rendered.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Service;
import com.superkabe.events.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The topics hook Job's script, exactly as the chart renders it, run against a real KRaft broker that creates
 * no topic on its own, with Kafka's own {@code kafka-topics} (TopicCommand) in place of the image's: the topics
 * of the rendered catalogue exist afterwards with their partitions, retention and {@code min.insync.replicas},
 * and a second run changes nothing and succeeds. Every {@code kafka-topics} call is a JVM start, so the run
 * takes four lines of the rendered catalogue (the first three and a dead-letter topic);
 * {@link RenderedChartTest} checks that the whole rendered catalogue is the {@code Topic} enum.
 */
class TopicsJobScriptTest {

    static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false",
                "log.dir", System.getProperty("java.io.tmpdir") + "/superkabe-helm-kafka-" + ProcessHandle.current().pid()));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void the_rendered_job_creates_every_catalogue_and_dead_letter_topic_and_a_second_run_is_harmless(@TempDir Path dir)
            throws Exception {
        Rendered rendered = Rendered.of("minimal", Helm.template(List.of(Helm.values("minimal")),
                "kafka.topics.minInsyncReplicas=1", "kafka.topics.replicationFactor=1"));
        Map<String, Object> data = Rendered.map(at(rendered.byName("ConfigMap").get("superkabe-topics"), "data"));
        Path script = write(dir.resolve("topics.sh"), String.valueOf(data.get("topics.sh")));
        List<String> lines = String.valueOf(data.get("topics.txt")).strip().lines().map(String::strip).toList();
        List<String> sample = new ArrayList<>(lines.subList(0, 3));
        sample.add(lines.stream().filter(l -> l.startsWith("superkabe.dlt.")).findFirst().orElseThrow());
        Path catalogue = write(dir.resolve("topics.txt"), String.join("\n", sample) + "\n");
        Path kafkaTopics = write(dir.resolve("kafka-topics.sh"), "#!/bin/sh\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' org.apache.kafka.tools.TopicCommand \"$@\"\n");
        Files.setPosixFilePermissions(kafkaTopics, PosixFilePermissions.fromString("rwxr-xr-x"));

        long start = System.nanoTime();
        Helm.Result first = runScript(script, catalogue, kafkaTopics, dir);
        System.out.printf("topics.sh created %d topics in %d ms%n", sample.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertThat(first.exitCode()).as("topics.sh:%n%s", first.output()).isZero();

        Map<String, long[]> expected = new LinkedHashMap<>();
        for (String line : sample) {
            String name = line.split(" ")[0];
            if (name.startsWith("superkabe.dlt.")) {
                assertThat(Service.values()).extracting(Service::deadLetterTopic).contains(name);
                expected.put(name, new long[] {1, 2_592_000_000L, 1});
            } else {
                Topic t = Topic.byName(name);
                expected.put(name, new long[] {t.partitions(), t.retention() == null ? -1 : t.retention().toMillis(), 1});
            }
        }
        assertThat(describe(expected.keySet())).usingRecursiveComparison().isEqualTo(expected);

        // again, with other partition counts: --if-not-exists leaves existing topics alone and the script succeeds
        String first2 = sample.get(0).split(" ")[0];
        String second2 = sample.get(1).split(" ")[0];
        Path again = write(dir.resolve("again.txt"), first2 + " 12 -1\n" + second2 + " 12 -1\n");
        Helm.Result second = runScript(script, again, kafkaTopics, dir);
        assertThat(second.exitCode()).as("second run:%n%s", second.output()).isZero();
        assertThat(describe(List.of(first2, second2))).as("existing topics keep their partition counts")
                .usingRecursiveComparison().isEqualTo(Map.of(first2, expected.get(first2), second2, expected.get(second2)));
    }

    static Helm.Result runScript(Path script, Path catalogue, Path kafkaTopics, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", script.toString()).directory(dir.toFile());
        pb.environment().putAll(Map.of("BOOTSTRAP", broker.getBrokersAsString(), "TOPICS_FILE", catalogue.toString(),
                "REPLICATION_FACTOR", "1", "MIN_INSYNC_REPLICAS", "1", "KAFKA_TOPICS", kafkaTopics.toString(),
                "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT", "TMPDIR", dir.toString()));
        Path out = dir.resolve("script.out");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("topics.sh finished").isTrue();
        return new Helm.Result(p.exitValue(), Files.readString(out), "");
    }

    /** topic -> {partitions, retention.ms, min.insync.replicas} as the broker reports them. */
    static Map<String, long[]> describe(java.util.Collection<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            List<ConfigResource> resources = new ArrayList<>();
            topics.forEach(t -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, t)));
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            Map<String, long[]> out = new LinkedHashMap<>();
            for (String t : topics) {
                Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t));
                out.put(t, new long[] {described.get(t).partitions().size(), Long.parseLong(c.get("retention.ms").value()),
                        Long.parseLong(c.get("min.insync.replicas").value())});
            }
            return out;
        }
    }

    static Path write(Path file, String content) throws IOException {
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
