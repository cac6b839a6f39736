package com.superkabe.gate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(2, 40, 4);

    @Test
    void backsOffExponentiallyWithJitterOfAtMostHalfTheBackoff() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            long backoff = Math.min(40, 2L << (attempt - 1));
            long next = policy.nextAttemptTick("lead-1", attempt, 100);
            assertThat(next - 100).isBetween(backoff, Math.min(40, backoff + backoff / 2));
        }
    }

    @Test
    void jitterIsAPureFunctionOfLeadAndAttemptSoReplayRetriesAtTheSameTicks() {
        assertThat(policy.nextAttemptTick("lead-1", 3, 7)).isEqualTo(policy.nextAttemptTick("lead-1", 3, 7));
    }

    @Test
    void neverWaitsLongerThanTheCapAndStopsAfterTheLastAttempt() {
        assertThat(policy.nextAttemptTick("lead-9", 30, 0)).isLessThanOrEqualTo(40);
        assertThat(policy.allowsAnother(3)).isTrue();
        assertThat(policy.allowsAnother(4)).isFalse();
    }
}
