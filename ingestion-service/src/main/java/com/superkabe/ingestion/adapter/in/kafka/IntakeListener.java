package com.superkabe.ingestion.adapter.in.kafka;

import com.superkabe.events.Envelope;
import com.superkabe.events.Service;
import com.superkabe.events.lead.LeadSubmitted;
import com.superkabe.ingestion.application.IntakeBinding;
import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.ingestion.domain.IntakeSignature;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import com.superkabe.kit.kafka.InboundHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public intake topic: leads published by users' own Kafka clients, a poll at a time. The
 * container runs each poll in a Kafka transaction (ADR 0012): the leads are judged and stored in
 * one database transaction, which commits first; the decisions and the poll's offsets then commit
 * together, so a decision is published once it is stored, and a redelivered poll finds its leads and
 * announces them again under the same event ids. Because of that, a poll may be decided in several
 * database transactions at once — shards by lead key, so they never touch the same lead — to use
 * more than one core on a single partition. An undecodable record, or one the database refuses,
 * goes to the dead-letter topic with its cause; the rest of the poll carries on. A database outage
 * rolls the poll back and it is retried with backoff, never skipped.
 */
@Component
class IntakeListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeListener.class);

    private final InboundHandler inbound;
    private final IntakeBinding binding;
    private final IntakeService intake;
    private final TransactionTemplate tx;
    private final IntakeTransactions kafka;
    private final MeterRegistry meters;
    private final ExecutorService shards;
    private final int shardCount;
    private final Timer decoding;
    private final Timer deciding;
    private final Timer sending;

    IntakeListener(InboundHandler inbound, IntakeBinding binding, IntakeService intake, TransactionTemplate tx,
                   IntakeTransactions kafka, MeterRegistry meters,
                   @Value("${superkabe.ingestion.intake.shards:2}") int shardCount) {
        this.inbound = inbound;
        this.binding = binding;
        this.intake = intake;
        this.tx = tx;
        this.kafka = kafka;
        this.meters = meters;
        this.shardCount = Math.max(1, shardCount);
        this.shards = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("intake-shard-", 0).daemon()
                .factory());
        this.decoding = phase("decode");
        this.deciding = phase("decide");
        this.sending = phase("send");
    }

    private Timer phase(String name) {
        // buckets, so dashboards can show percentiles across instances (histogram_quantile)
        return Timer.builder("superkabe_ingestion_intake_phase").tag("phase", name).publishPercentileHistogram()
                .description("Time the intake listener spends per poll in each phase").register(meters);
    }

    @PreDestroy
    void stop() {
        shards.shutdownNow();
    }

    // clientIdPrefix: the intake consumers' metrics carry client_id ingestion-intake-<n>, apart from the
    // service's other consumers of the same group
    @KafkaListener(id = "ingestion-intake", idIsGroup = false, clientIdPrefix = "ingestion-intake",
            containerFactory = "intakeBatchFactory",
            topics = "#{T(com.superkabe.events.Topic).LEAD_INTAKE.topicName()}")
    void onSubmitted(List<ConsumerRecord<String, byte[]>> records) {
        long t0 = System.nanoTime();
        List<Envelope> events = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.size());
        Set<String> ids = new HashSet<>();
        int repeated = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                Envelope e = inbound.decode(r);
                Optional<String> unbound = unbound(r, e);
                if (unbound.isPresent()) {
                    refuse(r, unbound.get());
                } else if (ids.add(e.id())) {
                    events.add(e);
                    sources.add(r);
                } else {
                    repeated++;
                }
            } catch (RuntimeException e) {
                deadLetter(r, e);
            }
        }
        long t1 = System.nanoTime();
        Outcome outcome = decideInShards(events, sources);
        long t2 = System.nanoTime();
        kafka.sendAll(outcome.decisions());
        outcome.refused().forEach(this::deadLetter);
        decoding.record(t1 - t0, TimeUnit.NANOSECONDS);
        deciding.record(t2 - t1, TimeUnit.NANOSECONDS);
        sending.record(System.nanoTime() - t2, TimeUnit.NANOSECONDS);
        meters.counter("superkabe_ingestion_intake_records", "outcome", "handled").increment(events.size());
        meters.counter("superkabe_ingestion_intake_records", "outcome", "duplicate").increment(repeated);
    }

    /**
     * Why a record may not be taken as the organization it names, when producers must be bound: its
     * signing key belongs to another organization, is unknown, or does not match (ADR 0043).
     */
    private Optional<String> unbound(ConsumerRecord<String, byte[]> r, Envelope e) {
        if (!binding.required()) {
            return Optional.empty();
        }
        String orgId = e.payloadAs(LeadSubmitted.class).orgId();
        if (e.orgId() != null && !e.orgId().equals(orgId)) {
            return Optional.of("the record's envelope names organization '" + e.orgId() + "' but its lead names '"
                    + orgId + "'");
        }
        return binding.refusal(header(r, IntakeSignature.PRODUCER_HEADER), header(r, IntakeSignature.SIGNATURE_HEADER),
                r.value(), orgId);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A record refused for its producer's binding: dead-lettered with the reason, never stored. */
    private void refuse(ConsumerRecord<String, byte[]> r, String reason) {
        log.warn("intake record {}-{}@{} refused, sent to the dead-letter topic: {}", r.topic(), r.partition(),
                r.offset(), reason);
        kafka.deadLetter(Service.INGESTION.deadLetterTopic(), r, reason);
        meters.counter("superkabe_ingestion_intake_records", "outcome", "unbound").increment();
    }

    /** What a shard decided, and the records the database refused (dead-lettered by the listener's thread). */
    private record Outcome(List<Envelope> decisions, Map<ConsumerRecord<String, byte[]>, RuntimeException> refused) {
    }

    private Outcome decideInShards(List<Envelope> events, List<ConsumerRecord<String, byte[]>> sources) {
        if (shardCount == 1 || events.size() < 2 * shardCount) {
            return decide(events, sources);
        }
        List<List<Envelope>> shardEvents = new ArrayList<>();
        List<List<ConsumerRecord<String, byte[]>>> shardSources = new ArrayList<>();
        for (int k = 0; k < shardCount; k++) {
            shardEvents.add(new ArrayList<>());
            shardSources.add(new ArrayList<>());
        }
        for (int i = 0; i < events.size(); i++) {
            int k = IntakeService.shardOf(events.get(i), shardCount);
            shardEvents.get(k).add(events.get(i));
            shardSources.get(k).add(sources.get(i));
        }
        List<Future<Outcome>> running = new ArrayList<>(shardCount);
        for (int k = 1; k < shardCount; k++) {
            int shard = k;
            running.add(shards.submit(() -> decide(shardEvents.get(shard), shardSources.get(shard))));
        }
        Outcome first = decide(shardEvents.getFirst(), shardSources.getFirst());
        List<Envelope> decisions = new ArrayList<>(first.decisions());
        Map<ConsumerRecord<String, byte[]>, RuntimeException> refused = new LinkedHashMap<>(first.refused());
        for (Future<Outcome> f : running) {
            Outcome o = join(f);
            decisions.addAll(o.decisions());
            refused.putAll(o.refused());
        }
        return new Outcome(decisions, refused);
    }

    private static Outcome join(Future<Outcome> shard) {
        try {
            return shard.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deciding an intake shard", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Outcome decide(List<Envelope> events, List<ConsumerRecord<String, byte[]>> sources) {
        try {
            return new Outcome(tx.execute(s -> intake.decideFromTopic(events).events()), Map.of());
        } catch (DataIntegrityViolationException refused) {
            return oneByOne(events, sources);
        }
    }

    /**
     * The database refused the poll's data (integrity or data exception: SQLSTATE 22/23): find the
     * record it refuses, keep every other one. Anything else — a lost connection, a full disk, a
     * read-only standby — is an outage and propagates, so the poll is rolled back and retried.
     */
    private Outcome oneByOne(List<Envelope> events, List<ConsumerRecord<String, byte[]>> sources) {
        List<Envelope> decisions = new ArrayList<>();
        Map<ConsumerRecord<String, byte[]>, RuntimeException> refusedRecords = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Envelope e = events.get(i);
            try {
                decisions.addAll(tx.execute(s -> intake.decideFromTopic(List.of(e)).events()));
            } catch (DataIntegrityViolationException refused) {
                refusedRecords.put(sources.get(i), refused);
            }
        }
        return new Outcome(decisions, refusedRecords);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, RuntimeException cause) {
        log.warn("intake record {}-{}@{} cannot be handled, sent to the dead-letter topic: {}", r.topic(),
                r.partition(), r.offset(), cause.getMessage());
        kafka.deadLetter(Service.INGESTION.deadLetterTopic(), r, String.valueOf(cause.getMessage()));
        meters.counter("superkabe_ingestion_intake_records", "outcome", "dead_letter").increment();
    }
}
