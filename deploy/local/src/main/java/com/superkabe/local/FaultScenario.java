package com.superkabe.local;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.Topic;
import com.superkabe.events.WireRecord;
import com.superkabe.testsmtp.Answer;
import com.superkabe.testsmtp.SmtpPeer;
import com.superkabe.testsmtp.Step;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The faults a fault run injects while its workload is in flight. Each is injected after half of the
 * REST leads were acknowledged and healed while the rest are being submitted, so traffic meets the
 * fault and the recovery.
 */
enum FaultScenario {

    KILL_SEQUENCER("kill-sequencer", false, "kill -9 of the sequencer, then a restart"),
    KILL_SEND_ADAPTER("kill-send-adapter", false, "kill -9 of the send adapter, then a restart"),
    KILL_BROKER("kill-broker", true, "kill -9 of the Kafka broker, then a restart on the same storage"),
    POISON_RECORDS("poison-records", true, "undecodable and foreign records on every topic"),
    CLOCK_TICKS("clock-ticks", false, "clock ticks duplicated, re-sent by a second writer, delayed and reordered"),
    KILL_INGESTION("kill-ingestion", false, "kill -9 of ingestion, then a restart"),
    KILL_GATE("kill-gate", false, "kill -9 of the gate, then a restart"),
    KILL_REPLY_POLLER("kill-reply-poller", false, "kill -9 of the reply poller, then a restart"),
    KILL_PROTECTION("kill-protection", false, "kill -9 of protection, then a restart"),
    SMTP_DROP_AFTER_DATA("smtp-drop-after-data", false,
            "the receiving server drops the connection after the final dot for one recipient"),
    KILL_POSTGRES("kill-postgres", true,
            "kill -9 of PostgreSQL (postmaster and backends), then a restart on the same data directory and port"),
    NET_LATENCY("net-latency", false, Duration.ofSeconds(10),
            "250 ms on every chunk to and from Kafka, PostgreSQL, SMTP and IMAP for 10 s"),
    NET_RESETS("net-resets", true, Duration.ofSeconds(3),
            "every connection to Kafka, PostgreSQL, SMTP and IMAP reset, and new ones reset for 3 s"),
    NET_STALL("net-stall", false, Duration.ofSeconds(35),
            "connections to Kafka, PostgreSQL, SMTP and IMAP pass nothing for 35 s (past the clients' 30 s timeouts)"),
    NET_BLACK_HOLE("net-black-hole", false, Duration.ofSeconds(10),
            "Kafka, PostgreSQL, SMTP and IMAP accept connections and never answer for 10 s, then reset them"),
    FAILOVER("failover", false, Duration.ofSeconds(30),
            "with two instances of every service: kill -9 of the first instance of each of the six, no restart;"
                    + " the second carries on after its group rebalances (runs on --replicas 2, last)");

    static final Duration LATENCY = Duration.ofMillis(250);

    private final String label;
    private final boolean quick;
    private final Duration hold;
    private final String what;

    FaultScenario(String label, boolean quick, String what) {
        this(label, quick, Duration.ofSeconds(2), what);
    }

    FaultScenario(String label, boolean quick, Duration hold, String what) {
        this.label = label;
        this.quick = quick;
        this.hold = hold;
        this.what = what;
    }

    /** How many instances of every service the scenario needs. */
    int replicas() {
        return this == FAILOVER ? 2 : 1;
    }

    /** Between {@link #inject} and {@link #heal}. */
    Duration hold() {
        return hold;
    }

    String label() {
        return label;
    }

    boolean quick() {
        return quick;
    }

    String what() {
        return what;
    }

    static FaultScenario byLabel(String label) {
        for (FaultScenario s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no fault scenario '" + label + "'; known: "
                + java.util.Arrays.stream(values()).map(FaultScenario::label).toList());
    }

    /** Scripts the peer before the workload starts (only the SMTP scenario needs to). */
    void prepare(SmtpPeer peer, FaultWorkload workload) {
        if (this == SMTP_DROP_AFTER_DATA) {
            peer.script(Step.DATA, workload.restLeads().getFirst().email(), Answer.dropConnection());
        }
    }

    /** Breaks something; {@link #heal} puts it back. */
    void inject(FaultStack stack) throws InterruptedException {
        switch (this) {
            case KILL_SEQUENCER -> stack.fleet().kill(ServiceSpec.named("sequencer-service"));
            case KILL_SEND_ADAPTER -> stack.fleet().kill(ServiceSpec.named("send-adapter-service"));
            case KILL_INGESTION -> stack.fleet().kill(ServiceSpec.named("ingestion-service"));
            case KILL_GATE -> stack.fleet().kill(ServiceSpec.named("gate-service"));
            case KILL_REPLY_POLLER -> stack.fleet().kill(ServiceSpec.named("reply-poller-service"));
            case KILL_PROTECTION -> stack.fleet().kill(ServiceSpec.named("protection-service"));
            case KILL_BROKER -> stack.kafka().kill();
            case POISON_RECORDS -> poisonEveryTopic();
            case CLOCK_TICKS -> disturbTheClock(Duration.ofSeconds(10));
            case SMTP_DROP_AFTER_DATA -> { }
            case KILL_POSTGRES -> stack.postgres().kill();
            case NET_LATENCY -> stack.proxies().forEach(p -> p.latency(LATENCY));
            case NET_RESETS -> stack.proxies().forEach(FaultProxy::reset);
            case NET_STALL -> stack.proxies().forEach(FaultProxy::stall);
            case NET_BLACK_HOLE -> stack.proxies().forEach(FaultProxy::blackHole);
            case FAILOVER -> ServiceSpec.ALL.forEach(s -> stack.fleet().kill(s));
        }
    }

    void heal(FaultStack stack) throws InterruptedException {
        switch (this) {
            case KILL_SEQUENCER, KILL_SEND_ADAPTER, KILL_INGESTION, KILL_GATE, KILL_REPLY_POLLER, KILL_PROTECTION -> {
                ServiceSpec spec = ServiceSpec.named(switch (this) {
                    case KILL_SEQUENCER -> "sequencer-service";
                    case KILL_SEND_ADAPTER -> "send-adapter-service";
                    case KILL_INGESTION -> "ingestion-service";
                    case KILL_GATE -> "gate-service";
                    case KILL_REPLY_POLLER -> "reply-poller-service";
                    default -> "protection-service";
                });
                stack.fleet().restart(spec, stack.http());
            }
            case KILL_BROKER -> stack.kafka().restart();
            case KILL_POSTGRES -> stack.postgres().restart();
            case NET_LATENCY, NET_RESETS, NET_STALL, NET_BLACK_HOLE -> stack.proxies().forEach(FaultProxy::heal);
            default -> { }
        }
    }

    /** Three records per topic: bytes that are no JSON, JSON of no known event, and an unknown event type. */
    private static void poisonEveryTopic() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
            for (Topic t : Topic.values()) {
                String key = "poison-" + UUID.randomUUID();
                producer.send(new ProducerRecord<>(t.topicName(), key, new byte[] {(byte) 0xff, 0, (byte) 0xfe, 'x'}));
                producer.send(new ProducerRecord<>(t.topicName(), key,
                        "{\"hello\":\"not an event\"}".getBytes(StandardCharsets.UTF_8)));
                ProducerRecord<String, byte[]> unknown = new ProducerRecord<>(t.topicName(), key,
                        "{\"orgId\":\"org-nobody\"}".getBytes(StandardCharsets.UTF_8));
                unknown.headers().add(com.superkabe.events.Headers.TYPE, "superkabe.nothing-like-this.v9".getBytes(StandardCharsets.UTF_8));
                unknown.headers().add(com.superkabe.events.Headers.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                producer.send(unknown);
            }
            producer.flush();
        }
    }

    /**
     * For a while, every half second: the newest tick again (the same event: a redelivery), the newest tick
     * under a new event id (a second writer), and a tick from before (a delayed, reordered one).
     */
    private static void disturbTheClock(Duration during) throws InterruptedException {
        EventCodec codec = new EventCodec();
        long until = System.nanoTime() + during.toNanos();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
            while (System.nanoTime() < until) {
                List<ConsumerRecord<String, byte[]>> recent = recentTicks(5);
                if (recent.size() >= 3) {
                    ConsumerRecord<String, byte[]> newest = recent.getLast();
                    producer.send(copy(newest));
                    producer.send(copy(recent.getFirst()));
                    Envelope e = codec.decode(new EventCodec.Origin(newest.topic(), newest.partition(), newest.offset(),
                            newest.timestamp()), headers(newest), newest.value());
                    WireRecord second = codec.encode(new Envelope(UUID.randomUUID().toString(), e.type(), "fault-run",
                            e.time(), e.orgId(), null, null, e.logicalTime(), e.payload()));
                    ProducerRecord<String, byte[]> rec = new ProducerRecord<>(second.topic(), second.key(), second.value());
                    second.headers().forEach((k, v) -> rec.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                    producer.send(rec);
                    producer.flush();
                }
                Thread.sleep(500);
            }
        }
    }

    /** The newest tick on the clock topic (0 before the first): where a scenario's decisions begin. */
    static long newestTick() {
        List<ConsumerRecord<String, byte[]>> recent = recentTicks(1);
        if (recent.isEmpty()) {
            return 0;
        }
        ConsumerRecord<String, byte[]> r = recent.getLast();
        Envelope e = new EventCodec().decode(new EventCodec.Origin(r.topic(), r.partition(), r.offset(), r.timestamp()),
                headers(r), r.value());
        return e.payload() instanceof com.superkabe.events.clock.ClockTicked t ? t.tick() : 0;
    }

    private static List<ConsumerRecord<String, byte[]>> recentTicks(int n) {
        Map<String, Object> config = KafkaBroker.client(AclPlan.OPERATOR, Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicPartition p = new TopicPartition(Topic.CLOCK.topicName(), 0);
            consumer.assign(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            consumer.seek(p, Math.max(0, end - n));
            List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (got.size() < Math.min(n, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            }
            return got;
        }
    }

    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> r) {
        ProducerRecord<String, byte[]> rec = new ProducerRecord<>(r.topic(), r.key(), r.value());
        r.headers().forEach(h -> rec.headers().add(h.key(), h.value()));
        return rec;
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), EventCodec.utf8(h.value()));
        }
        return headers;
    }

    private static Map<String, Object> producerConfig() {
        return KafkaBroker.client(AclPlan.FAULT_INJECTOR, Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }
}
