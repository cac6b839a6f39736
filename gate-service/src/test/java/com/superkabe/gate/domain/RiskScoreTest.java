package com.superkabe.gate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facts sheet's worked examples (RS), reproduced exactly. */
class RiskScoreTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case, hard bounces per 100, sends in last hour (limit 48/day → 2/h), domain warnings, hard, soft
            "'0% bounce, high velocity', 0, 8, 0, 0, 80",
            "'5% bounce', 5, 0, 1, 65, 10",
            "'1% bounce', 1, 2.5, 1, 15, 35",
            "'3% bounce, high velocity', 3, 7.5, 1, 45, 85"})
    void matchesTheWorkedExamples(String name, int bounces, double sendsLastHour, int warnings, double hard, double soft) {
        // velocity is sends ÷ even pace; with a 48/day limit the pace is 2/h, so 2.5 sends = 1.25
        RiskScore score = RiskScore.of(new RiskScore.Inputs(100, bounces, bounces, (int) Math.round(sendsLastHour * 2),
                96, warnings));

        assertThat(score.hard()).isEqualTo(hard);
        assertThat(score.soft()).isEqualTo(soft);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 15", "3, 45", "5, 65", "10, 100", "50, 100"})
    void mapsARateToPointsFifteenPerPercentThenTenCappedAtAHundred(double percent, double points) {
        assertThat(RiskScore.points(percent)).isEqualTo(points);
    }
}
