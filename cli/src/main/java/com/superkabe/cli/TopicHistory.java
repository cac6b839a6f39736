package com.superkabe.cli;

import com.superkabe.events.EventCodec;
import com.superkabe.events.UndecodableEventException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.HashSet;
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
        List<Recorded> out = new ArrayList<>();
        stream(topics, decode, out::add);
        return out;
    }

    /**
     * Streams every record of these topics to {@code sink}, merged in order, holding only a bounded
     * buffer per partition: a record is handed on once every partition still being read has a record
     * buffered (or is finished), so the smallest timestamp is known. Returns the number of records.
     */
    public long stream(Collection<String> topics, boolean decode, java.util.function.Consumer<Recorded> sink) {
        Properties p = kafka.client();
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        p.put("isolation.level", "read_committed");
        p.putIfAbsent("max.poll.records", "5000");
        p.putIfAbsent("fetch.max.bytes", Integer.toString(64 * 1024 * 1024));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            Duration timeout = Duration.ofSeconds(kafka.timeoutSeconds());
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(timeout);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : topics) {
                existing.getOrDefault(t, List.of()).forEach(i -> partitions.add(new TopicPartition(t, i.partition())));
            }
            if (partitions.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            List<TopicPartition> open = partitions.stream().filter(tp -> end.get(tp) > begin.get(tp)).toList();
            long total = open.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            consumer.assign(open);
            consumer.seekToBeginning(open);
            Progress progress = new Progress(err, "reading " + topics.size() + " topics", total);
            Merge merge = new Merge(sink);
            open.forEach(merge::open);
            Set<TopicPartition> paused = new HashSet<>();
            long idle = System.nanoTime();
            while (!merge.finished()) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (batch.isEmpty() && System.nanoTime() - idle > timeout.toNanos()) {
                    throw new ClusterException("no records arrived for " + kafka.timeoutSeconds() + " s while "
                            + merge.reading() + " partitions were still behind their end", null);
                }
                if (!batch.isEmpty()) {
                    idle = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> r : batch) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < end.get(tp)) {
                        merge.add(tp, toRecorded(r, decode));
                    }
                }
                progress.advance(batch.count());
                for (TopicPartition tp : open) {
                    if (!merge.doneReading(tp) && consumer.position(tp) >= end.get(tp)) {
                        merge.endOf(tp);
                    }
                }
                merge.drain();
                // a partition far ahead of the others waits, so no buffer grows without bound
                for (TopicPartition tp : open) {
                    boolean full = merge.buffered(tp) >= BUFFER_LIMIT || merge.doneReading(tp);
                    if (full && paused.add(tp)) {
                        consumer.pause(List.of(tp));
                    } else if (!full && paused.remove(tp)) {
                        consumer.resume(List.of(tp));
                    }
                }
            }
            progress.finish();
            return merge.emitted();
        } catch (KafkaException e) {
            throw new ClusterException("cannot read from " + kafka.bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private static final int BUFFER_LIMIT = 20_000;

    /** The k-way merge by timestamp over partition buffers; a partition's own order is never changed. */
    static final class Merge {
        private final java.util.function.Consumer<Recorded> sink;
        private final Map<TopicPartition, java.util.ArrayDeque<Recorded>> buffers = new LinkedHashMap<>();
        private final Set<TopicPartition> reading = new HashSet<>();
        private long emitted;

        Merge(java.util.function.Consumer<Recorded> sink) {
            this.sink = sink;
        }

        void open(TopicPartition tp) {
            buffers.put(tp, new java.util.ArrayDeque<>());
            reading.add(tp);
        }

        void add(TopicPartition tp, Recorded r) {
            buffers.get(tp).addLast(r);
        }

        void endOf(TopicPartition tp) {
            reading.remove(tp);
        }

        boolean doneReading(TopicPartition tp) {
            return !reading.contains(tp);
        }

        int reading() {
            return reading.size();
        }

        int buffered(TopicPartition tp) {
            return buffers.get(tp).size();
        }

        boolean finished() {
            return reading.isEmpty() && buffers.values().stream().allMatch(java.util.ArrayDeque::isEmpty);
        }

        long emitted() {
            return emitted;
        }

        void drain() {
            while (true) {
                java.util.ArrayDeque<Recorded> min = null;
                for (Map.Entry<TopicPartition, java.util.ArrayDeque<Recorded>> e : buffers.entrySet()) {
                    java.util.ArrayDeque<Recorded> b = e.getValue();
                    if (b.isEmpty()) {
                        if (reading.contains(e.getKey())) {
                            return;
                        }
                        continue;
                    }
                    if (min == null || before(b.peekFirst(), min.peekFirst())) {
                        min = b;
                    }
                }
                if (min == null) {
                    return;
                }
                sink.accept(min.pollFirst());
                emitted++;
            }
        }

        /**
         * Record timestamps have millisecond resolution, and one producer writes hundreds of records a
         * millisecond: ties are broken by the envelopes' own stamps (ce time, stamped when the event was
         * decided, to the microsecond), then by logical time (a tick's outcomes before the next tick),
         * and only then by topic name (ADR 0040).
         */
        static boolean before(Recorded a, Recorded b) {
            if (a.timestamp() != b.timestamp()) {
                return a.timestamp() < b.timestamp();
            }
            if (a.envelope() != null && b.envelope() != null) {
                int time = a.envelope().time().compareTo(b.envelope().time());
                if (time != 0) {
                    return time < 0;
                }
                if (a.envelope().logicalTime() != b.envelope().logicalTime()) {
                    return a.envelope().logicalTime() < b.envelope().logicalTime();
                }
            }
            int t = a.topic().compareTo(b.topic());
            return t != 0 ? t < 0 : a.partition() < b.partition();
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

}
