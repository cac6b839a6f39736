package com.superkabe.sendadapter.adapter.out.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.send.RecipientFailure;
import com.superkabe.sendadapter.domain.Delivery;
import org.junit.jupiter.api.Test;

class GmailOutcomesTest {

    @Test
    void given200WithTheSentMessage_whenMapped_thenTheEmailIsSent() {
        assertThat(GmailOutcomes.of(200, null, null).succeeded()).isTrue();
    }

    @Test
    void givenAnInvalidToHeader_whenMapped_thenItIsAHardBounceThatSuppressesTheAddress() {
        Delivery d = GmailOutcomes.of(400, "invalidArgument", "Invalid To header");

        assertThat(d.kind()).isEqualTo("HARD_BOUNCE");
        assertThat(RecipientFailure.addressCannotReceive(d.smtpCode(), d.detail())).isTrue();
    }

    @Test
    void givenARateLimitAnswer_whenMapped_thenItIsTransient() {
        assertThat(GmailOutcomes.of(429, "rateLimitExceeded", "User-rate limit exceeded").kind())
                .isEqualTo("TRANSIENT");
        assertThat(GmailOutcomes.of(403, "userRateLimitExceeded", "User Rate Limit Exceeded").kind())
                .isEqualTo("TRANSIENT");
    }

    @Test
    void givenMissingScopeOrBadCredentials_whenMapped_thenItIsAConfigurationFailure() {
        assertThat(GmailOutcomes.of(403, "insufficientPermissions", "Insufficient Permission").kind())
                .isEqualTo("CONFIGURATION");
        assertThat(GmailOutcomes.of(401, "authError", "Invalid Credentials").kind()).isEqualTo("CONFIGURATION");
    }

    @Test
    void givenABackendError_whenMapped_thenItIsAmbiguous() {
        assertThat(GmailOutcomes.of(500, "backendError", "Backend Error").kind()).isEqualTo("AMBIGUOUS");
    }
}
