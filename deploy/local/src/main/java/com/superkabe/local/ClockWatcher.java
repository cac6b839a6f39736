package com.superkabe.local;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.Topic;
import com.superkabe.events.clock.ClockTicked;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the logical clock on {@code superkabe.clock} (no consumer group: it only reads), so the
 * demo can say which tick it is and stamp simulated outcomes with the tick they were sent at.
 */
final class ClockWatcher implements AutoCloseable {

    private static final Duration FIRST_TICK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final Thread thread;
    private volatile long tick = -1;
    private volatile boolean closed;

    private ClockWatcher() {
        consumer = new KafkaConsumer<>(KafkaBroker.client(AclPlan.OPERATOR, Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)));
        thread = Thread.ofPlatform().name("clock-watcher").daemon().unstarted(this::follow);
    }

    static ClockWatcher start() {
        ClockWatcher w = new ClockWatcher();
        w.thread.start();
        return w;
    }

    /** The latest tick seen, waiting for the first one if none has been seen yet. */
    long tick() throws InterruptedException {
        long deadline = System.nanoTime() + FIRST_TICK_TIMEOUT.toNanos();
        while (tick < 0) {
            if (System.nanoTime() > deadline || closed) {
                throw new StackException("no tick on " + Topic.CLOCK.topicName() + " within "
                        + Console.seconds(FIRST_TICK_TIMEOUT) + ": is sequencer-service running?");
            }
            Thread.sleep(100);
        }
        return tick;
    }

    /** Sleeps until the clock has advanced {@code ticks} beyond now (or the wall-clock bound passes). */
    void awaitTicks(long ticks, Duration atMost) throws InterruptedException {
        long target = tick() + ticks;
        long deadline = System.nanoTime() + atMost.toNanos();
        while (tick < target && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.CLOCK.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // step back one record per partition, so the current tick is known without waiting for the next
            for (TopicPartition p : partitions) {
                consumer.seek(p, Math.max(0, consumer.position(p) - 1));
            }
            while (!closed) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    read(r);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke us up
        } catch (RuntimeException e) {
            if (!closed) {
                Console.warn("following " + Topic.CLOCK.topicName() + " failed: " + e);
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
        try {
            Envelope e = codec.decode(new EventCodec.Origin(r.topic(), r.partition(), r.offset(), r.timestamp()),
                    headers, r.value());
            if (e.payload() instanceof ClockTicked t && t.tick() > tick) {
                tick = t.tick();
            }
        } catch (RuntimeException undecodable) {
            // not ours to judge: the services dead-letter what they cannot read
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(5));
    }
}
