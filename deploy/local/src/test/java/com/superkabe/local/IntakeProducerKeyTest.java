package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The launcher signs intake records exactly as ingestion checks them (HMAC-SHA256, RFC 4231 vector). */
class IntakeProducerKeyTest {

    @Test
    void signsTheValueWithHmacSha256AsIngestionVerifiesIt() {
        IntakeProducerKey key = new IntakeProducerKey("ip_1", "Jefe");

        assertThat(key.sign("what do ya want for nothing?"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theRecordCarriesTheProducerIdAndTheSignatureOfItsValue() {
        IntakeProducerKey key = new IntakeProducerKey("ip_1", "s3cret");
        ProducerRecord<String, String> r = key.record("superkabe.lead-intake", "org-a", "{\"orgId\":\"org-a\"}");

        assertThat(new String(r.headers().lastHeader("superkabe-producer-id").value(), StandardCharsets.UTF_8))
                .isEqualTo("ip_1");
        assertThat(new String(r.headers().lastHeader("superkabe-signature").value(), StandardCharsets.UTF_8))
                .isEqualTo(key.sign("{\"orgId\":\"org-a\"}"));
    }
}
