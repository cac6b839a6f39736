package com.superkabe.ingestion.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lead score of a Clay row or CSV cell, read from text. */
class FieldMapperScoreTest {

    private static Integer score(String text) {
        return FieldMapper.toCandidate("org-1", Map.of("email", "ada@acme.com", "leadScore", text), 50).leadScore();
    }

    @Test
    void aScoreIsRoundedToTheNearestWholeNumber() {
        assertThat(score("72")).isEqualTo(72);
        assertThat(score("72.5")).isEqualTo(73);
    }

    /** 4294967346 is 2^32 + 50: the old cast wrapped it to 50, a valid score the row never had. */
    @Test
    void aScorePastAnIntIsNoScoreRatherThanAWrappedOne() {
        assertThat(score("4294967346")).isEqualTo(-1);
        assertThat(score("-4294967246")).isEqualTo(-1);
    }

    @Test
    void notANumberOrInfinityIsNoScore() {
        assertThat(score("NaN")).isEqualTo(-1);
        assertThat(score("Infinity")).isEqualTo(-1);
        assertThat(score("high")).isEqualTo(-1);
    }
}
