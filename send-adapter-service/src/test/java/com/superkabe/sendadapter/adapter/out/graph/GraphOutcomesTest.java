package com.superkabe.sendadapter.adapter.out.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.send.RecipientFailure;
import com.superkabe.sendadapter.domain.Delivery;
import org.junit.jupiter.api.Test;

class GraphOutcomesTest {

    @Test
    void given202Accepted_whenMapped_thenTheEmailIsSent() {
        assertThat(GraphOutcomes.of(202, null, null).succeeded()).isTrue();
    }

    @Test
    void givenAnInvalidRecipient_whenMapped_thenItIsAHardBounceThatSuppressesTheAddress() {
        Delivery d = GraphOutcomes.of(400, "ErrorInvalidRecipients", "At least one recipient isn't valid.");

        assertThat(d.kind()).isEqualTo("HARD_BOUNCE");
        assertThat(RecipientFailure.addressCannotReceive(d.smtpCode(), d.detail())).isTrue();
    }

    @Test
    void givenTheDocumentedMalformedMimeError_whenMapped_thenItIsOurConfigurationNotTheRecipients() {
        Delivery d = GraphOutcomes.of(400, "ErrorMimeContentInvalidBase64String",
                "Invalid base64 string for MIME content.");

        assertThat(d.kind()).isEqualTo("CONFIGURATION");
        assertThat(d.detail()).contains("ErrorMimeContentInvalidBase64String");
    }

    @Test
    void givenUnauthorizedOrForbidden_whenMapped_thenItIsAConfigurationFailure() {
        assertThat(GraphOutcomes.of(401, "InvalidAuthenticationToken", "expired").kind()).isEqualTo("CONFIGURATION");
        assertThat(GraphOutcomes.of(403, "ErrorAccessDenied", "Access is denied.").kind()).isEqualTo("CONFIGURATION");
    }

    @Test
    void givenThrottlingOrUnavailable_whenMapped_thenItIsTransientAndRetryable() {
        for (int status : new int[] {429, 503}) {
            assertThat(GraphOutcomes.of(status, "ApplicationThrottled", "slow down").kind()).isEqualTo("TRANSIENT");
            assertThat(GraphOutcomes.retryable(status)).isTrue();
        }
    }

    @Test
    void givenAGatewayError_whenMapped_thenItIsAmbiguousAndNeverRetried() {
        for (int status : new int[] {500, 502, 504}) {
            assertThat(GraphOutcomes.of(status, null, null).kind()).isEqualTo("AMBIGUOUS");
            assertThat(GraphOutcomes.retryable(status)).isFalse();
        }
    }
}
