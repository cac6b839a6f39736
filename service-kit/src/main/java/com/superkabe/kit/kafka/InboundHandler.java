package com.superkabe.kit.kafka;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way services take events off Kafka: decode (an undecodable record throws, and the error
 * handler sends it to the dead-letter topic without retry), then in one transaction record the
 * event id in the inbox and run the handler; a duplicate is acknowledged and skipped.
 */
public class InboundHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;

    public InboundHandler(EventCodec codec, Inbox inbox, TransactionTemplate tx, MeterRegistry meters) {
        this.codec = codec;
        this.inbox = inbox;
        this.tx = tx;
        this.meters = meters;
    }

    /** Decodes without handling, for consumers that need more than one transaction per event. */
    public Envelope decode(ConsumerRecord<String, byte[]> record) {
        return codec.decode(new EventCodec.Origin(record.topic(), record.partition(), record.offset(),
                record.timestamp()), headers(record), record.value());
    }

    /** Records the event in the inbox (history) inside the caller's transaction; false if seen before. */
    public boolean record(ConsumerRecord<String, byte[]> record, Envelope event) {
        return inbox.firstSighting(event, record.topic(), record.key(), headers(record), record.value());
    }

    public void handle(ConsumerRecord<String, byte[]> record, Consumer<Envelope> handler) {
        Map<String, String> headers = headers(record);
        Envelope event = decode(record);
        Boolean handled = tx.execute(status -> {
            if (!inbox.firstSighting(event, record.topic(), record.key(), headers, record.value())) {
                return false;
            }
            handler.accept(event);
            return true;
        });
        log.debug("{} {} from {}-{}@{}", Boolean.TRUE.equals(handled) ? "handled" : "skipped duplicate",
                event.type().wireName(), record.topic(), record.partition(), record.offset());
        meters.counter("superkabe_events_consumed", "type", event.type().wireName(),
                "outcome", Boolean.TRUE.equals(handled) ? "handled" : "duplicate").increment();
    }

    /**
     * Handles a poll's worth of records in as few transactions as possible: one commit for a whole
     * run of good records, which is what lets a consumer keep up with thousands of events a second.
     * If the batch transaction fails, its records are retried one by one so only the culprit fails;
     * an undecodable or failing record is reported by index, so the error handler commits what came
     * before it and dead-letters (or retries) only that record.
     */
    public void handleBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<Envelope> handler) {
        handleBatchTogether(records, events -> events.forEach(handler), handler);
    }

    /**
     * Like {@link #handleBatch}, but hands every first-seen event of a run of good records to
     * {@code together} at once, so the handler can read and write for all of them in a few
     * statements; {@code single} handles one event when the batch has to be retried one by one.
     */
    public void handleBatchTogether(List<ConsumerRecord<String, byte[]>> records, Consumer<List<Envelope>> together,
                                    Consumer<Envelope> single) {
        int done = 0;
        while (done < records.size()) {
            List<Envelope> chunk = new ArrayList<>();
            int end = done;
            RuntimeException undecodable = null;
            for (; end < records.size(); end++) {
                try {
                    chunk.add(decode(records.get(end)));
                } catch (RuntimeException e) {
                    undecodable = e;
                    break;
                }
            }
            handleChunk(records, done, chunk, together, single);
            if (undecodable != null) {
                throw new BatchListenerFailedException(undecodable.getMessage(), undecodable, end);
            }
            done = end;
        }
    }

    private void handleChunk(List<ConsumerRecord<String, byte[]>> records, int from, List<Envelope> chunk,
                             Consumer<List<Envelope>> together, Consumer<Envelope> handler) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> {
                List<Inbox.Arrival> arrivals = new ArrayList<>(chunk.size());
                for (int k = 0; k < chunk.size(); k++) {
                    ConsumerRecord<String, byte[]> r = records.get(from + k);
                    arrivals.add(new Inbox.Arrival(chunk.get(k), r.topic(), r.key(), headers(r), r.value()));
                }
                boolean[] firsts = inbox.firstSightings(arrivals);
                List<Envelope> fresh = new ArrayList<>(chunk.size());
                for (int k = 0; k < chunk.size(); k++) {
                    Envelope event = chunk.get(k);
                    boolean first = firsts[k];
                    if (first) {
                        fresh.add(event);
                    }
                    meters.counter("superkabe_events_consumed", "type", event.type().wireName(),
                            "outcome", first ? "handled" : "duplicate").increment();
                }
                together.accept(fresh);
            });
        } catch (RuntimeException batchFailed) {
            log.debug("batch of {} failed ({}); handling one by one", chunk.size(), batchFailed.toString());
            for (int k = 0; k < chunk.size(); k++) {
                try {
                    handle(records.get(from + k), handler);
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(e.getMessage(), e, from + k);
                }
            }
        }
    }

    public static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            if (h.value() != null) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
