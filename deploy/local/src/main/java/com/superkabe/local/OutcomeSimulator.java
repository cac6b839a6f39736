package com.superkabe.local;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventIds;
import com.superkabe.events.EventType;
import com.superkabe.events.WireRecord;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the receiving mail servers: GreenMail accepts every address, so a local stack never sees a
 * real bounce. This publishes the send outcomes a mailbox would get, correctly enveloped, on
 * {@code superkabe.send-outcomes}, exactly where the send adapter publishes real ones. The runs
 * they name do not exist (the sequencer ignores them) and they name no lead.
 */
final class OutcomeSimulator implements AutoCloseable {

    /** {@code ce_source} of every simulated outcome, so nobody mistakes one for a real send. */
    static final String SOURCE = "local-demo/simulated-receiving-servers";

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final String orgId;
    private final String mailboxId;
    private int sends;

    OutcomeSimulator(String orgId, String mailboxId) {
        this.orgId = orgId;
        this.mailboxId = mailboxId;
        producer = new KafkaProducer<>(KafkaBroker.client(AclPlan.FAULT_INJECTOR, Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all")));
    }

    /** The recipient's server accepted the message. */
    void accepted(String recipient, long tick) {
        publish(accepted(orgId, mailboxId, ++sends, recipient, tick));
    }

    /** The recipient's server answered 550 5.1.1: the address does not exist. */
    void hardBounce(String recipient, long tick) {
        publish(hardBounce(orgId, mailboxId, ++sends, recipient, tick));
    }

    int published() {
        return sends;
    }

    static Envelope accepted(String orgId, String mailboxId, int n, String recipient, long tick) {
        String sendId = sendId(mailboxId, n);
        return envelope(new EmailSent(orgId, sendId, runId(sendId), null, null, mailboxId, 0, recipient,
                "<" + sendId + "@" + LocalDns.domainOf(MailServer.PROTECTION_ADDRESS) + ">", tick), tick);
    }

    static Envelope hardBounce(String orgId, String mailboxId, int n, String recipient, long tick) {
        String sendId = sendId(mailboxId, n);
        return envelope(new EmailSendFailed(orgId, sendId, runId(sendId), null, null, mailboxId, 0, recipient,
                "HARD_BOUNCE", 550, "5.1.1 user unknown", tick), tick);
    }

    private static Envelope envelope(SendOutcome o, long tick) {
        String id = EventIds.derive(SOURCE + "/" + o.sendId());
        return new Envelope(id, EventType.of(o), SOURCE, Instant.now(), o.orgId(), null, id, tick, o);
    }

    private static String sendId(String mailboxId, int n) {
        return "simulated-" + mailboxId + "-" + n;
    }

    /** A run no sequencer knows: the outcome moves no campaign, it only feeds the mailbox's history. */
    private static String runId(String sendId) {
        return "run-of-" + sendId;
    }

    private void publish(Envelope e) {
        WireRecord w = codec.encode(e);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(w.topic(), w.key(), w.value());
        w.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException ex) {
            throw new StackException("publishing a simulated outcome to " + w.topic() + " failed: " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while publishing to " + w.topic(), ex);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
