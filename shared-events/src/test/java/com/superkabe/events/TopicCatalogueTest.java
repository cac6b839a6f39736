package com.superkabe.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

    @Test
    void everyEventTypeHasAUniqueVersionedWireName() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName).distinct().count())
                .isEqualTo(EventType.values().length);
        assertThat(EventType.values()).allSatisfy(t -> assertThat(t.wireName()).matches("superkabe\\.[a-z-]+\\.[a-z-]+\\.v\\d+"));
    }

    @Test
    void everyTopicIsUniqueAndHasOneWriter() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::topicName).distinct().count()).isEqualTo(Topic.values().length);
        assertThat(Topic.values()).allSatisfy(t -> {
            assertThat(t.writer()).isNotNull();
            assertThat(t.partitions()).isPositive();
        });
    }

    @Test
    void eventsOfATopicAreWrittenOnlyByItsWriter() {
        assertThat(Topic.byName("superkabe.runs").writer()).isEqualTo(Service.SEQUENCER);
        assertThat(EventType.EMAIL_SENT.topic().writer()).isEqualTo(Service.SEND_ADAPTER);
    }
}
