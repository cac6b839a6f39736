package com.superkabe.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IntakeSignatureTest {

    private final byte[] value = "{\"orgId\":\"org-a\",\"email\":\"x@acme.com\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureMatchesOnlyTheSecretAndTheValueItWasMadeWith() {
        String signature = IntakeSignature.sign("s3cret", value);

        assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
        assertThat(IntakeSignature.matches("s3cret", value, signature)).isTrue();
        assertThat(IntakeSignature.matches("s3cret", value, signature.substring(7))).isTrue();
        assertThat(IntakeSignature.matches("other", value, signature)).isFalse();
        assertThat(IntakeSignature.matches("s3cret", "{\"orgId\":\"org-b\",\"email\":\"x@acme.com\"}"
                .getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void isHmacSha256OverTheRawValueAsRfc4231DefinesIt() {
        assertThat(IntakeSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aMissingOrMalformedSignatureNeverMatches() {
        assertThat(IntakeSignature.matches("s3cret", value, null)).isFalse();
        assertThat(IntakeSignature.matches("s3cret", value, "sha256=not-hex")).isFalse();
        assertThat(IntakeSignature.matches("s3cret", value, "")).isFalse();
    }
}
