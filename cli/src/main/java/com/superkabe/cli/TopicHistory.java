package com.superkabe.cli;

import com.superkabe.events.EventCodec;
import com.superkabe.events.UndecodableEventException;
import java.io.PrintStream;
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
    private static final EventCodec CODEC = new EventCodec();

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
        Properties p = consumerProperties(kafka);
        p.put("key.deserializer", StringDeserializer.class.getName());
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

    private static final int BUFFER_LIMIT = 2_000;

    /**
     * The last {@code count} records (at most) of each partition of {@code topic}, decoded, in
     * partition order: for a read of a topic's latest state without reading its history.
     */
    public List<Recorded> tail(String topic, int count) {
        Properties p = consumerProperties(kafka);
        p.put("key.deserializer", StringDeserializer.class.getName());
        List<Recorded> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            Duration timeout = Duration.ofSeconds(kafka.timeoutSeconds());
            List<TopicPartition> partitions = consumer.listTopics(timeout).getOrDefault(topic, List.of()).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            if (partitions.isEmpty()) {
                return out;
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            for (TopicPartition tp : partitions) {
                long from = Math.max(begin.get(tp), end.get(tp) - count);
                if (from >= end.get(tp)) {
                    continue;
                }
                consumer.assign(List.of(tp));
                consumer.seek(tp, from);
                long idle = System.nanoTime();
                while (consumer.position(tp) < end.get(tp)) {
                    ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                    if (batch.isEmpty() && System.nanoTime() - idle > timeout.toNanos()) {
                        throw new ClusterException("no records arrived for " + kafka.timeoutSeconds() + " s while "
                                + "reading the end of " + tp, null);
                    }
                    for (ConsumerRecord<String, byte[]> r : batch) {
                        idle = System.nanoTime();
                        if (r.offset() < end.get(tp)) {
                            out.add(toRecorded(r, true));
                        }
                    }
                }
            }
            return out;
        } catch (KafkaException e) {
            throw new ClusterException("cannot read from " + kafka.bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /**
     * How every history read fetches (and the benchmark's bare consumer, so both read alike): no group,
     * committed records only, large fetches — a replay reads whole topics, so fewer, bigger round trips
     * to the broker cost less than the default 1 MB per partition. A --command-config may override them.
     */
    static Properties consumerProperties(KafkaOptions kafka) {
        Properties p = kafka.client();
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        p.put("isolation.level", "read_committed");
        p.putIfAbsent("max.poll.records", "5000");
        p.putIfAbsent("fetch.max.bytes", Integer.toString(64 * 1024 * 1024));
        p.putIfAbsent("max.partition.fetch.bytes", Integer.toString(16 * 1024 * 1024));
        p.putIfAbsent("fetch.min.bytes", Integer.toString(1024 * 1024));
        p.putIfAbsent("fetch.max.wait.ms", "100");
        p.putIfAbsent("receive.buffer.bytes", Integer.toString(1024 * 1024));
        return p;
    }

    /**
     * The k-way merge over partition buffers; a partition's own order is never changed. The order is
     * taken from each record's timestamp and headers only (ADR 0046), so it is a total order and does
     * not depend on whether, or how well, a payload decodes.
     */
    static final class Merge {
        private final java.util.function.Consumer<Recorded> sink;
        private final Map<TopicPartition, java.util.ArrayDeque<Keyed>> buffers = new LinkedHashMap<>();
        private final Set<TopicPartition> reading = new HashSet<>();
        private List<java.util.ArrayDeque<Keyed>> queues;
        private boolean[] open;
        private long emitted;

        Merge(java.util.function.Consumer<Recorded> sink) {
            this.sink = sink;
        }

        void open(TopicPartition tp) {
            buffers.put(tp, new java.util.ArrayDeque<>());
            reading.add(tp);
            queues = null;
        }

        void add(TopicPartition tp, Recorded r) {
            buffers.get(tp).addLast(new Keyed(r));
        }

        void endOf(TopicPartition tp) {
            reading.remove(tp);
            queues = null;
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
            if (queues == null) {
                queues = new ArrayList<>(buffers.values());
                open = new boolean[queues.size()];
                int i = 0;
                for (TopicPartition tp : buffers.keySet()) {
                    open[i++] = reading.contains(tp);
                }
            }
            while (true) {
                java.util.ArrayDeque<Keyed> min = null;
                Keyed head = null;
                for (int i = 0; i < open.length; i++) {
                    Keyed k = queues.get(i).peekFirst();
                    if (k == null) {
                        if (open[i]) {
                            return;
                        }
                        continue;
                    }
                    if (head == null || k.before(head)) {
                        min = queues.get(i);
                        head = k;
                    }
                }
                if (min == null) {
                    return;
                }
                min.pollFirst();
                sink.accept(head.record);
                emitted++;
            }
        }

        static boolean before(Recorded a, Recorded b) {
            return new Keyed(a).before(new Keyed(b));
        }
    }

    /**
     * A record with its merge order: the record timestamp (milliseconds), then, since one producer
     * writes hundreds of records a millisecond, the envelope's {@code ce_time} header (stamped when the
     * event was decided, to the microsecond; the record timestamp when absent or unreadable, as the
     * codec does for a missing one), then its logical time (a tick's outcomes before the next tick),
     * and only then topic and partition (ADR 0040, ADR 0046).
     */
    private static final class Keyed {
        final Recorded record;
        final long seconds;
        final int nanos;
        final long logical;

        Keyed(Recorded r) {
            this.record = r;
            long[] t = CeTime.parse(r.headers().get(com.superkabe.events.Headers.TIME), r.timestamp());
            this.seconds = t[0];
            this.nanos = (int) t[1];
            this.logical = logicalTime(r.headers().get(com.superkabe.events.Headers.LOGICAL_TIME));
        }

        boolean before(Keyed b) {
            Recorded x = record;
            Recorded y = b.record;
            if (x.timestamp() != y.timestamp()) {
                return x.timestamp() < y.timestamp();
            }
            if (seconds != b.seconds) {
                return seconds < b.seconds;
            }
            if (nanos != b.nanos) {
                return nanos < b.nanos;
            }
            if (logical != b.logical) {
                return logical < b.logical;
            }
            int t = x.topic().compareTo(y.topic());
            return t != 0 ? t < 0 : x.partition() < y.partition();
        }

        private static long logicalTime(String v) {
            if (v == null) {
                return -1;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** The event type its {@code ce_type} header names, or null (no header, or not a known type). */
    static com.superkabe.events.EventType type(Recorded r) {
        if (r.envelope() != null) {
            return r.envelope().type();
        }
        String name = r.headers().get(com.superkabe.events.Headers.TYPE);
        return name == null ? null : TYPES.get(name);
    }

    /**
     * {@link EventCodec#decode}'s rules and messages, with the codec's own payload mapping, but the
     * stamp read as the merge reads it (ADR 0046): the general date-time parser cost more than the
     * JSON. The public intake topic (ids derived from positions) goes through the codec itself.
     * EnvelopeDecodingTest holds the two to the same envelopes and errors.
     */
    static com.superkabe.events.Envelope envelope(Recorded r) {
        Map<String, String> h = r.headers();
        if (com.superkabe.events.Topic.LEAD_INTAKE.topicName().equals(r.topic())) {
            return CODEC.decode(new EventCodec.Origin(r.topic(), r.partition(), r.offset(), r.timestamp()), h,
                    r.value());
        }
        if (r.value() == null || r.value().length == 0) {
            throw new UndecodableEventException("Empty record value");
        }
        String typeName = h.get(com.superkabe.events.Headers.TYPE);
        if (typeName == null) {
            throw new UndecodableEventException("Missing header " + com.superkabe.events.Headers.TYPE);
        }
        com.superkabe.events.EventType type = TYPES.get(typeName);
        if (type == null) {
            type = com.superkabe.events.EventType.ofWireName(typeName);
        }
        if (!type.topic().topicName().equals(r.topic())) {
            throw new UndecodableEventException(typeName + " does not belong on topic " + r.topic());
        }
        com.superkabe.events.SuperkabeEvent payload = FastPayloads.decode(r.value(), type.recordType());
        if (payload == null) {
            payload = CODEC.fromJson(r.value(), type.recordType());
        }
        String id = h.get(com.superkabe.events.Headers.ID);
        if (id == null) {
            throw new UndecodableEventException("Missing header " + com.superkabe.events.Headers.ID);
        }
        String source = h.getOrDefault(com.superkabe.events.Headers.SOURCE, com.superkabe.events.Service.EXTERNAL.id());
        String orgId = h.getOrDefault(com.superkabe.events.Headers.ORG_ID, payload.orgId());
        String stamp = h.get(com.superkabe.events.Headers.TIME);
        java.time.Instant time;
        if (stamp == null) {
            time = java.time.Instant.ofEpochMilli(r.timestamp());
        } else {
            long[] fast = CeTime.fast(stamp);
            try {
                time = fast != null ? java.time.Instant.ofEpochSecond(fast[0], fast[1]) : java.time.Instant.parse(stamp);
            } catch (java.time.format.DateTimeParseException ex) {
                throw new UndecodableEventException("Header " + com.superkabe.events.Headers.TIME
                        + " is not an RFC 3339 instant: " + stamp, ex);
            }
        }
        String logical = h.get(com.superkabe.events.Headers.LOGICAL_TIME);
        long logicalTime;
        try {
            logicalTime = logical == null ? -1 : Long.parseLong(logical);
        } catch (NumberFormatException ex) {
            throw new UndecodableEventException("Header " + com.superkabe.events.Headers.LOGICAL_TIME
                    + " is not a number: " + logical, ex);
        }
        return new com.superkabe.events.Envelope(id, type, source, time, orgId,
                h.get(com.superkabe.events.Headers.CAUSATION_ID),
                h.getOrDefault(com.superkabe.events.Headers.CORRELATION_ID, id), logicalTime, payload);
    }

    private static final Map<String, com.superkabe.events.EventType> TYPES = java.util.Arrays.stream(
            com.superkabe.events.EventType.values()).collect(java.util.stream.Collectors.toUnmodifiableMap(
            com.superkabe.events.EventType::wireName, t -> t));

    /**
     * The record with its envelope decoded, if it was read without: replays read with {@code decode}
     * off and decode only the records their service consumes (safe from any thread).
     */
    static Recorded decoded(Recorded r) {
        if (r.envelope() != null || r.error() != null) {
            return r;
        }
        return decode(r);
    }

    private static Recorded toRecorded(ConsumerRecord<String, byte[]> r, boolean decode) {
        Header[] all = r.headers().toArray();
        String[] keys = new String[all.length];
        byte[][] values = new byte[all.length][];
        for (int i = 0; i < all.length; i++) {
            keys[i] = all[i].key();
            values[i] = all[i].value();
        }
        RecordHeaderView headers = RecordHeaderView.of(keys, values, all.length);
        Recorded read = new Recorded(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), headers,
                headers.raw(), r.value(), null, null);
        return decode ? decode(read) : read;
    }

    private static Recorded decode(Recorded r) {
        try {
            var envelope = envelope(r);
            return new Recorded(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.headers(),
                    r.rawHeaders(), r.value(), envelope, null);
        } catch (UndecodableEventException | IllegalArgumentException e) {
            return new Recorded(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.headers(),
                    r.rawHeaders(), r.value(), null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

}
