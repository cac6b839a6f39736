package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.superkabe.events.Topic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real broker process from the Maven artifacts: formats, starts, serves, stops without a trace. */
class KafkaBrokerTest {

    @TempDir
    Path repo;

    @Test
    void startsARealBrokerWithTheCatalogueTopicsAndStopsItCompletely() throws Exception {
        assumeTrue(!Preflight.inUse(KafkaBroker.PORT) && !Preflight.inUse(KafkaBroker.CONTROLLER_PORT),
                "Kafka ports taken (a local stack running?)");
        StackLayout layout = new StackLayout(repo, Path.of("target/runtime-classpath.txt").toAbsolutePath());
        Resources resources = new Resources();
        try {
            KafkaBroker.launch(layout, resources).awaitReady();

            try (Admin admin = KafkaBroker.admin()) {
                Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topic.LEAD_INTAKE.topicName()))
                        .allTopicNames().get();
                assertThat(topics.get(Topic.LEAD_INTAKE.topicName()).partitions()).hasSize(Topic.LEAD_INTAKE.partitions());
            }
            assertThatThrownBy(() -> Preflight.requireFreePorts(List.of(KafkaBroker.PORT), layout))
                    .hasMessageContaining("still listening on localhost:19092")
                    .hasMessageContaining("kafka")
                    .hasMessageContaining("kill ");
        } finally {
            resources.closeAll();
        }
        assertThat(ProcessHandle.current().descendants()).noneMatch(ProcessHandle::isAlive);
        assertThat(Preflight.inUse(KafkaBroker.PORT)).isFalse();
    }
}
