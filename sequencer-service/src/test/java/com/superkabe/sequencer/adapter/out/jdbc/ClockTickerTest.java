package com.superkabe.sequencer.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.sequencer.config.ClockProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockTickerTest {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T09:30:20Z"), ZoneOffset.UTC);

    @Test
    void aRealTimeClockNeverLagsTheWallClockSoWindowsAreJudgedAtTheRealInstant() {
        ClockTicker ticker = new ClockTicker(null, null, null, null,
                new ClockProperties(Duration.ofSeconds(60), Duration.ofSeconds(60), EPOCH, true), NOW, null);

        long tick = ticker.wallTick();

        assertThat(EPOCH.plus(Duration.ofSeconds(60).multipliedBy(tick)))
                .isEqualTo(Instant.parse("2026-11-22T09:30:00Z"));
    }

    @Test
    void aFasterClockForTestsAndDemosCountsOnWithoutAFloor() {
        ClockTicker ticker = new ClockTicker(null, null, null, null,
                new ClockProperties(Duration.ofSeconds(60), Duration.ofMillis(200), EPOCH, true), NOW, null);

        assertThat(ticker.wallTick()).isZero();
    }
}
