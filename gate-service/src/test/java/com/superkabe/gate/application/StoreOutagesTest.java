package com.superkabe.gate.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.gate.domain.RetryPolicy;
import com.superkabe.gate.domain.StoreOutage;
import org.junit.jupiter.api.Test;

class StoreOutagesTest {

    private final StoreOutages outages = new StoreOutages(new RetryPolicy(1, 2, 3));

    @Test
    void anInputThatCannotReachTheStoreWaitsFromTheLatestTickTheClockShowed() {
        outages.ticked(40);

        StoreOutage outage = outages.failed("gate-leads", "leads-0:5");

        assertThat(outage.waiting()).isTrue();
        assertThat(outage.retryAtTick()).isBetween(41L, 42L);
        assertThat(outages.unavailable()).isEqualTo(1);
    }

    @Test
    void onlyATickAtOrAfterTheRetryTickResumesTheWaitingInput() {
        outages.ticked(40);
        long retryAt = outages.failed("gate-leads", "leads-0:5").retryAtTick();

        assertThat(outages.ticked(retryAt - 1)).isEmpty();
        assertThat(outages.ticked(retryAt)).containsExactly("gate-leads");
        assertThat(outages.ticked(retryAt + 1)).isEmpty();
    }

    @Test
    void anOlderTickArrivingLateDoesNotMoveTheClockBack() {
        outages.ticked(40);
        outages.ticked(12);

        assertThat(outages.latestTick()).isEqualTo(40);
    }

    @Test
    void handlingTheInputAgainEndsItsOutage() {
        outages.failed("gate-leads", "leads-0:5");

        assertThat(outages.handled("gate-leads").failures()).isEqualTo(1);
        assertThat(outages.unavailable()).isZero();
        assertThat(outages.handled("gate-leads")).isEqualTo(StoreOutage.NONE);
    }

    @Test
    void afterTheLastAttemptTheInputIsDeadLetteredAndCountsAfreshAfterwards() {
        StoreOutage outage = outages.failed("gate-leads", "p");
        for (int i = 0; i < 2; i++) {
            outages.ticked(outage.retryAtTick());
            outage = outages.failed("gate-leads", "p");
        }
        assertThat(outage.exhausted()).isTrue();

        outages.deadLettered("gate-leads");

        assertThat(outages.unavailable()).isZero();
        assertThat(outages.failed("gate-leads", "p").failures()).isEqualTo(1);
    }
}
