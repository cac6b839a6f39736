package com.superkabe.ingestion.adapter.in.kafka;

import com.superkabe.events.Envelope;
import com.superkabe.events.Service;
import com.superkabe.ingestion.application.BatchInbox;
import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.kit.outbox.JsonHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public intake topic: leads published by users' own Kafka clients, taken a poll at a time.
 * Each poll is one transaction: inbox (dedupe by event id), gate, multi-row lead insert, outbox.
 * An undecodable record goes to the dead-letter topic with the cause in its headers; the rest of
 * the batch carries on.
 */
@Component
class IntakeListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeListener.class);

    private final InboundHandler inbound;
    private final BatchInbox inbox;
    private final IntakeService intake;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;

    IntakeListener(InboundHandler inbound, BatchInbox inbox, IntakeService intake, TransactionTemplate tx,
                   KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        this.inbound = inbound;
        this.inbox = inbox;
        this.intake = intake;
        this.tx = tx;
        this.kafka = kafka;
        this.meters = meters;
    }

    @KafkaListener(id = "ingestion-intake", idIsGroup = false, containerFactory = "intakeBatchFactory",
            topics = "#{T(com.superkabe.events.Topic).LEAD_INTAKE.topicName()}")
    void onSubmitted(List<ConsumerRecord<String, byte[]>> records) {
        List<Envelope> events = new ArrayList<>(records.size());
        List<BatchInbox.Entry> entries = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                Envelope e = inbound.decode(r);
                events.add(e);
                entries.add(new BatchInbox.Entry(e.id(), e.type().wireName(), r.topic(), r.key(),
                        JsonHeaders.write(InboundHandler.headers(r)), r.value() == null ? new byte[0] : r.value()));
            } catch (RuntimeException e) {
                deadLetter(r, e);
            }
        }
        tx.executeWithoutResult(s -> {
            Set<String> first = inbox.firstSightings(entries);
            List<Envelope> fresh = events.stream().filter(e -> first.contains(e.id())).toList();
            intake.submitViaTopic(fresh);
            meters.counter("superkabe_ingestion_intake_records", "outcome", "handled").increment(fresh.size());
            meters.counter("superkabe_ingestion_intake_records", "outcome", "duplicate")
                    .increment(events.size() - fresh.size());
        });
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, RuntimeException cause) {
        log.warn("intake record {}-{}@{} is undecodable, sent to the dead-letter topic: {}", r.topic(), r.partition(),
                r.offset(), cause.getMessage());
        ProducerRecord<String, byte[]> dlt = new ProducerRecord<>(Service.INGESTION.deadLetterTopic(), r.key(), r.value());
        r.headers().forEach(h -> dlt.headers().add(h));
        dlt.headers().add("superkabe_dlt_cause", String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
        dlt.headers().add("superkabe_dlt_origin", (r.topic() + "-" + r.partition() + "@" + r.offset())
                .getBytes(StandardCharsets.UTF_8));
        kafka.send(dlt).join();
        meters.counter("superkabe_ingestion_intake_records", "outcome", "dead_letter").increment();
    }
}
