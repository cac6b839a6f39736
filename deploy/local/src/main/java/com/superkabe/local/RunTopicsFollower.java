package com.superkabe.local;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.Topic;
import com.superkabe.events.send.SendOutcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one organization's run transitions and send outcomes from {@code superkabe.runs},
 * {@code superkabe.send-requests} and {@code superkabe.send-outcomes} (no consumer group: it only
 * reads, from the beginning). {@code GET /api/v1/runs/{runId}} lists a run's transitions with their
 * event ids but not their payloads; this supplies the payloads — a retry's failure class and due
 * tick, a move's reason — and the outcomes, which are not run transitions.
 */
final class RunTopicsFollower implements AutoCloseable {

    private static final List<Topic> TOPICS = List.of(Topic.RUNS, Topic.SEND_REQUESTS, Topic.SEND_OUTCOMES);

    private final String orgId;
    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final Map<String, Envelope> byId = new ConcurrentHashMap<>();
    private final List<Envelope> outcomes = new CopyOnWriteArrayList<>();
    private final Map<String, List<Envelope>> runTopicByRun = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    private RunTopicsFollower(String orgId) {
        this.orgId = orgId;
        consumer = new KafkaConsumer<>(KafkaBroker.client(AclPlan.OPERATOR, Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")));
        thread = Thread.ofPlatform().name("run-topics-follower").daemon().unstarted(this::follow);
    }

    static RunTopicsFollower start(String orgId) {
        RunTopicsFollower f = new RunTopicsFollower(orgId);
        f.thread.start();
        return f;
    }

    /** The event a run transition's {@code eventId} names, once it has been read. */
    Optional<Envelope> event(String eventId) {
        return Optional.ofNullable(byId.get(eventId));
    }

    /** The send outcomes of one run read so far, in the order read. */
    List<SendOutcome> outcomes(String runId) {
        return outcomes.stream().map(e -> (SendOutcome) e.payload()).filter(o -> runId.equals(o.runId())).toList();
    }

    /** The run's events on {@code superkabe.runs} read so far, each once, in topic order (fault runs' checker). */
    List<Envelope> runTopicEvents(String runId) {
        return List.copyOf(runTopicByRun.getOrDefault(runId, List.of()));
    }

    /** The ids of every run of the organization seen on {@code superkabe.runs} so far. */
    java.util.Set<String> runIds() {
        return java.util.Set.copyOf(runTopicByRun.keySet());
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = TOPICS.stream().flatMap(t -> Stream.ofNullable(
                    consumer.partitionsFor(t.topicName())).flatMap(List::stream))
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!closed) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    read(r);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke us up
        } catch (RuntimeException e) {
            if (!closed) {
                Console.warn("following the run topics failed: " + e);
            }
        } finally {
            consumer.close();
        }
    }

    private void read(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), EventCodec.utf8(h.value()));
        }
        Envelope e;
        try {
            e = codec.decode(new EventCodec.Origin(r.topic(), r.partition(), r.offset(), r.timestamp()), headers,
                    r.value());
        } catch (RuntimeException undecodable) {
            return; // not ours to judge: the services dead-letter what they cannot read
        }
        if (!orgId.equals(e.payload().orgId())) {
            return;
        }
        boolean firstTime = byId.put(e.id(), e) == null;
        if (firstTime && r.topic().equals(Topic.RUNS.topicName())
                && e.payload() instanceof com.superkabe.events.run.RunEvent run) {
            runTopicByRun.computeIfAbsent(run.runId(), k -> new CopyOnWriteArrayList<>()).add(e);
        }
        if (e.payload() instanceof SendOutcome) {
            outcomes.add(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(5));
    }
}
