package com.superkabe.replypoller.adapter.in.kafka;

import com.superkabe.events.Topic;
import com.superkabe.replypoller.application.PollShare;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * A replica polls the mailboxes whose partition of {@code superkabe.mailboxes} (keyed by mailbox id,
 * ADR 0003) its consumer group assigned to it (ADR 0053): the group spreads the mailboxes with no lock
 * between replicas, and a replica that dies hands its mailboxes over with its partitions. The partition
 * is the one Kafka's default partitioner gives the key, so it is where the mailbox's own events are.
 */
@Component
class MailboxPartitionShare implements PollShare {

    static final String LISTENER = "reply-poller-mailboxes";

    private final KafkaListenerEndpointRegistry registry;
    private final KafkaTemplate<String, byte[]> kafka;
    private volatile int partitions;

    MailboxPartitionShare(KafkaListenerEndpointRegistry registry, KafkaTemplate<String, byte[]> kafka) {
        this.registry = registry;
        this.kafka = kafka;
    }

    @Override
    public boolean owns(String mailboxId) {
        MessageListenerContainer container = registry.getListenerContainer(LISTENER);
        Collection<TopicPartition> assigned = container == null ? null : container.getAssignedPartitions();
        if (assigned == null || assigned.isEmpty()) {
            return false;
        }
        return assigned.contains(new TopicPartition(Topic.MAILBOXES.topicName(), partitionOf(mailboxId)));
    }

    int partitionOf(String mailboxId) {
        return partitionOf(mailboxId, partitionCount());
    }

    /** Kafka's default partitioner for a keyed record (murmur2 of the key bytes). */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private int partitionCount() {
        int n = partitions;
        if (n == 0) {
            n = kafka.partitionsFor(Topic.MAILBOXES.topicName()).size();
            partitions = n; // a topic's partition count is fixed for its life (ADR 0003)
        }
        return n;
    }
}
