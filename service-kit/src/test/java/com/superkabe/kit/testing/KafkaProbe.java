package com.superkabe.kit.testing;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.WireRecord;
import com.superkabe.kit.kafka.InboundHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A plain Kafka client for tests: publish envelopes or raw records, and wait for events. */
public final class KafkaProbe implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrap;

    public KafkaProbe(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    public void publish(Envelope e) {
        WireRecord w = codec.encode(e);
        publishRaw(w.topic(), w.key(), w.headers(), w.value());
    }

    /** Publishes without waiting for the broker; call {@link #flush()} to wait for all of them. */
    public void publishAsync(Envelope e) {
        WireRecord w = codec.encode(e);
        ProducerRecord<String, byte[]> rec = new ProducerRecord<>(w.topic(), w.key(), w.value());
        w.headers().forEach((k, v) -> rec.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(rec);
    }

    public void flush() {
        producer.flush();
    }

    public void publishRaw(String topic, String key, Map<String, String> headers, byte[] value) {
        ProducerRecord<String, byte[]> rec = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> rec.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(rec).get();
        } catch (Exception ex) {
            throw new IllegalStateException("publish to " + topic + " failed", ex);
        }
    }

    /** Reads {@code topic} from the beginning until {@code count} records match or the timeout passes. */
    public List<ConsumerRecord<String, byte[]>> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                      int count, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.nameUUIDFromBytes((topic + System.nanoTime()).getBytes()));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // as every service reads
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    /** Waits for events of a topic whose decoded envelope matches. */
    public List<Envelope> awaitEvents(String topic, Predicate<Envelope> match, int count, Duration timeout) {
        return await(topic, r -> {
            try {
                return match.test(decode(r));
            } catch (RuntimeException e) {
                return false;
            }
        }, count, timeout).stream().map(this::decode).toList();
    }

    public Envelope decode(ConsumerRecord<String, byte[]> r) {
        return codec.decode(new EventCodec.Origin(r.topic(), r.partition(), r.offset(), r.timestamp()),
                InboundHandler.headers(r), r.value());
    }

    @Override
    public void close() {
        producer.close();
    }
}
