package com.superkabe.gate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreOutageTest {

    private final RetryPolicy policy = new RetryPolicy(2, 40, 3);

    @Test
    void aFirstFailureWaitsForTheTickTheRetryPolicyGivesItsFirstAttempt() {
        StoreOutage outage = StoreOutage.NONE.failed("gate-leads@leads-0:17", 100, policy);

        assertThat(outage.waiting()).isTrue();
        assertThat(outage.failures()).isEqualTo(1);
        assertThat(outage.retryAtTick()).isEqualTo(policy.nextAttemptTick("gate-leads@leads-0:17", 1, 100));
    }

    @Test
    void theWaitEndsOnlyWhenTheLogicalClockReachesTheRetryTick() {
        StoreOutage waiting = StoreOutage.NONE.failed("in", 100, policy);

        assertThat(waiting.ticked(waiting.retryAtTick() - 1).waiting()).isTrue();
        assertThat(waiting.ticked(waiting.retryAtTick()).phase()).isEqualTo(StoreOutage.Phase.RETRYING);
    }

    @Test
    void eachFailedRetryBacksOffExponentiallyFromTheTickItFailedAt() {
        StoreOutage first = StoreOutage.NONE.failed("in", 100, policy);
        StoreOutage second = first.ticked(first.retryAtTick()).failed("in", first.retryAtTick(), policy);

        assertThat(second.failures()).isEqualTo(2);
        assertThat(second.retryAtTick() - first.retryAtTick()).isBetween(4L, 6L);
    }

    @Test
    void aFailureReportedWhileAlreadyWaitingIsTheSameAttempt() {
        StoreOutage waiting = StoreOutage.NONE.failed("in", 100, policy);

        assertThat(waiting.failed("in", 101, policy)).isEqualTo(waiting);
    }

    @Test
    void theJitterIsAPureFunctionOfTheInputSoAReplayWaitsForTheSameTicks() {
        assertThat(StoreOutage.NONE.failed("gate-leads@leads-3:9", 7, policy))
                .isEqualTo(StoreOutage.NONE.failed("gate-leads@leads-3:9", 7, policy));
    }

    @Test
    void theLastAllowedAttemptFailingExhaustsTheWaitSoTheInputIsDeadLettered() {
        StoreOutage outage = StoreOutage.NONE;
        long tick = 0;
        for (int i = 0; i < 2; i++) {
            outage = outage.failed("in", tick, policy);
            tick = outage.retryAtTick();
            outage = outage.ticked(tick);
        }

        StoreOutage last = outage.failed("in", tick, policy);

        assertThat(last.exhausted()).isTrue();
        assertThat(last.deadLettered()).isEqualTo(StoreOutage.NONE);
    }

    @Test
    void handlingTheInputEndsTheOutageAndTheNextFailureCountsFromOne() {
        StoreOutage recovered = StoreOutage.NONE.failed("in", 5, policy).ticked(100).recovered();

        assertThat(recovered).isEqualTo(StoreOutage.NONE);
        assertThat(recovered.failed("in", 200, policy).failures()).isEqualTo(1);
    }
}
