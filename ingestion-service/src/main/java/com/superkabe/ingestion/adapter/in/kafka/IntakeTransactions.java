package com.superkabe.ingestion.adapter.in.kafka;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.WireRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.transaction.KafkaTransactionManager;

/**
 * The intake topic's own transactional producer: the listener container begins a Kafka transaction
 * per poll, the decisions are sent in it, and the poll's offsets commit with them (ADR 0012). It is
 * deliberately not a Spring bean of producer-factory or transaction-manager type, so the
 * application's default (non-transactional) producer and its JDBC transaction manager stay as they
 * are for every other path. Boot's producer-factory customizers are applied to it all the same, so
 * its client metrics reach Micrometer like those of the application's own producer.
 */
public final class IntakeTransactions implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final KafkaTransactionManager<String, byte[]> transactions;
    private final EventCodec codec;

    public IntakeTransactions(Map<String, Object> producerProperties, String transactionIdPrefix, EventCodec codec,
                              List<DefaultKafkaProducerFactoryCustomizer> customizers) {
        this.producers = new DefaultKafkaProducerFactory<>(producerProperties);
        customizers.forEach(c -> c.customize(producers));
        this.producers.setTransactionIdPrefix(transactionIdPrefix);
        this.template = new KafkaTemplate<>(producers);
        this.transactions = new KafkaTransactionManager<>(producers);
        this.codec = codec;
    }

    public KafkaTransactionManager<String, byte[]> manager() {
        return transactions;
    }

    /** Sends the events in the current Kafka transaction; the commit flushes them and fails if any failed. */
    public void sendAll(List<Envelope> events) {
        for (Envelope e : events) {
            WireRecord wire = codec.encode(e);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(wire.topic(), wire.key(), wire.value());
            wire.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            template.send(record);
        }
    }

    /**
     * A record that cannot be handled, with its cause, in the same transaction as the poll's decisions.
     * Its headers are the ones every service's dead letters carry (spring-kafka's recoverer, ADR 0034):
     * original topic, partition (4-byte int), offset and timestamp (8-byte longs), and the cause.
     */
    public void deadLetter(String topic, ConsumerRecord<String, byte[]> r, String cause) {
        ProducerRecord<String, byte[]> dlt = new ProducerRecord<>(topic, r.key(), r.value());
        r.headers().forEach(h -> dlt.headers().add(h));
        dlt.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, r.topic().getBytes(StandardCharsets.UTF_8));
        dlt.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES)
                .putInt(r.partition()).array());
        dlt.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(r.offset()).array());
        dlt.headers().add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES)
                .putLong(r.timestamp()).array());
        dlt.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, cause.getBytes(StandardCharsets.UTF_8));
        template.send(dlt);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
