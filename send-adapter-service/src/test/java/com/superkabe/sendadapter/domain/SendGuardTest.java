package com.superkabe.sendadapter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendGuardTest {

    @Test
    void deliversASendIdSeenForTheFirstTime() {
        assertThat(SendGuard.decide(Optional.empty())).isEqualTo(SendGuard.Action.DELIVER);
    }

    @Test
    void neverDeliversASettledSendAgain() {
        assertThat(SendGuard.decide(Optional.of(AttemptState.SENT))).isEqualTo(SendGuard.Action.ALREADY_SETTLED);
        assertThat(SendGuard.decide(Optional.of(AttemptState.FAILED))).isEqualTo(SendGuard.Action.ALREADY_SETTLED);
        assertThat(SendGuard.decide(Optional.of(AttemptState.AMBIGUOUS))).isEqualTo(SendGuard.Action.ALREADY_SETTLED);
    }

    @Test
    void reportsAnInterruptedAttemptAsAmbiguousInsteadOfResending() {
        assertThat(SendGuard.decide(Optional.of(AttemptState.ATTEMPTING))).isEqualTo(SendGuard.Action.REPORT_AMBIGUOUS);
    }

    @Test
    void derivesTheMessageIdFromTheSendIdAndTheMailboxDomain() {
        assertThat(SendGuard.messageId("abc", "acme.test")).isEqualTo("<abc@acme.test>");
    }
}
