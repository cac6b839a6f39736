package com.superkabe.cli;

import com.superkabe.events.EventCodec;
import com.superkabe.events.UndecodableEventException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads whole topics, from their first offset to the end they had when the read began, without a
 * consumer group (nothing is committed; the services never notice). Partitions are merged by
 * record timestamp while each partition keeps its own order, which is the order a single consumer
 * of all these topics would most plausibly have seen.
 */
public final class TopicHistory {

    private final KafkaOptions kafka;
    private final PrintStream err;
    private final EventCodec codec = new EventCodec();

    public TopicHistory(KafkaOptions kafka, PrintStream err) {
        this.kafka = kafka;
        this.err = err;
    }

    /** Every record of these topics (missing topics are skipped), merged in order. */
    public List<Recorded> read(Collection<String> topics, boolean decode) {
        Properties p = kafka.client();
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        p.put("isolation.level", "read_committed");
        p.put("max.poll.records", "5000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            Duration timeout = Duration.ofSeconds(kafka.timeoutSeconds());
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(timeout);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : topics) {
                existing.getOrDefault(t, List.of()).forEach(i -> partitions.add(new TopicPartition(t, i.partition())));
            }
            if (partitions.isEmpty()) {
                return List.of();
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            List<TopicPartition> open = partitions.stream().filter(tp -> end.get(tp) > begin.get(tp)).toList();
            long total = open.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            consumer.assign(open);
            consumer.seekToBeginning(open);
            Map<TopicPartition, List<Recorded>> byPartition = new LinkedHashMap<>();
            Progress progress = new Progress(err, "reading " + topics.size() + " topics", total);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            open.forEach(tp -> remaining.put(tp, end.get(tp)));
            long idle = System.nanoTime();
            while (!remaining.isEmpty()) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty() && System.nanoTime() - idle > timeout.toNanos()) {
                    throw new ClusterException("no records arrived for " + kafka.timeoutSeconds() + " s while "
                            + remaining.size() + " partitions were still behind their end", null);
                }
                if (!batch.isEmpty()) {
                    idle = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> r : batch) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long stop = remaining.get(tp);
                    if (stop == null || r.offset() >= stop) {
                        continue;
                    }
                    byPartition.computeIfAbsent(tp, x -> new ArrayList<>()).add(toRecorded(r, decode));
                }
                progress.advance(batch.count());
                for (TopicPartition tp : List.copyOf(remaining.keySet())) {
                    if (consumer.position(tp) >= remaining.get(tp)) {
                        remaining.remove(tp);
                    }
                }
                consumer.pause(open.stream().filter(tp -> !remaining.containsKey(tp)).toList());
            }
            progress.finish();
            return merge(byPartition.values());
        } catch (KafkaException e) {
            throw new ClusterException("cannot read from " + kafka.bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private Recorded toRecorded(ConsumerRecord<String, byte[]> r, boolean decode) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, byte[]> raw = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            raw.put(h.key(), h.value());
        }
        if (!decode) {
            return new Recorded(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), headers, raw, r.value(),
                    null, null);
        }
        try {
            var envelope = codec.decode(new EventCodec.Origin(r.topic(), r.partition(), r.offset(), r.timestamp()),
                    headers, r.value());
            return new Recorded(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), headers, raw, r.value(),
                    envelope, null);
        } catch (UndecodableEventException | IllegalArgumentException e) {
            return new Recorded(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), headers, raw, r.value(),
                    null, e.getMessage());
        }
    }

    /** A k-way merge by timestamp that never reorders records of one partition. */
    static List<Recorded> merge(Collection<List<Recorded>> partitions) {
        record Head(List<Recorded> list, int index) {
            Recorded at() {
                return list.get(index);
            }
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.<Head>comparingLong(h -> h.at().timestamp())
                .thenComparing(h -> h.at().topic()).thenComparingInt(h -> h.at().partition()));
        int size = 0;
        for (List<Recorded> l : partitions) {
            size += l.size();
            if (!l.isEmpty()) {
                heads.add(new Head(l, 0));
            }
        }
        List<Recorded> out = new ArrayList<>(size);
        while (!heads.isEmpty()) {
            Head h = heads.poll();
            out.add(h.at());
            if (h.index() + 1 < h.list().size()) {
                heads.add(new Head(h.list(), h.index() + 1));
            }
        }
        return out;
    }
}
