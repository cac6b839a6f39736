package com.superkabe.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An organization's intake producer key as a customer's producer holds it (ADR 0043): issued by
 * ingestion's API, it signs each intake record so ingestion takes it for that organization only.
 */
record IntakeProducerKey(String producerId, String secret) {

    static final String PRODUCER_HEADER = "superkabe-producer-id";
    static final String SIGNATURE_HEADER = "superkabe-signature";

    /** Asks ingestion for a key of the organization the API key belongs to. */
    static IntakeProducerKey issue(Http http, String ingestion, Map<String, String> auth)
            throws IOException, InterruptedException {
        Http.Response r = DemoSeeder.expect(201, "issuing an intake producer key", DemoSeeder.untilKnown(() ->
                http.post(ingestion + "/api/v1/intake-producers", auth, Map.of())));
        return new IntakeProducerKey(DemoSeeder.text(r.body(), "producerId"), DemoSeeder.text(r.body(), "secret"));
    }

    /** The intake record with the key's id and its signature over the value. */
    ProducerRecord<String, String> record(String topic, String key, String value) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, value);
        r.headers().add(PRODUCER_HEADER, producerId.getBytes(StandardCharsets.UTF_8));
        r.headers().add(SIGNATURE_HEADER, sign(value).getBytes(StandardCharsets.UTF_8));
        return r;
    }

    String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
