package com.superkabe.sequencer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpintaxTest {

    @Test
    void theSameSeedAlwaysSpinsTheSameTextSoAReplayReproducesIt() {
        String template = "{Hi|Hello|Hey} {there|friend}, {quick|short} {question|note}";

        Set<String> perSeed = IntStream.range(0, 20).mapToObj(i -> Spintax.spin(template, "run-7/1/subject"))
                .collect(Collectors.toSet());

        assertThat(perSeed).hasSize(1);
    }

    @Test
    void differentRunsSpreadOverTheOptions() {
        Set<String> seen = IntStream.range(0, 100).mapToObj(i -> Spintax.spin("{a|b|c}", "run-" + i + "/0/subject"))
                .collect(Collectors.toCollection(HashSet::new));

        assertThat(seen).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void tokensAreLeftForTemplatesEvenInsideAGroupAndWithAFallbackPipe() {
        Set<String> seen = IntStream.range(0, 50)
                .mapToObj(i -> Spintax.spin("{Hi|Hello} {{{firstName}}|there} at {{company|your team}}", "r" + i))
                .collect(Collectors.toSet());

        assertThat(seen).containsExactlyInAnyOrder("Hi {{firstName}} at {{company|your team}}",
                "Hello {{firstName}} at {{company|your team}}", "Hi there at {{company|your team}}",
                "Hello there at {{company|your team}}");
    }

    @Test
    void aPipeOutsideEveryGroupIsText() {
        assertThat(Spintax.spin("Acme | {Q3|Q4} plan", "r")).matches("Acme \\| Q[34] plan");
    }

    @Test
    void anUnclosedGroupIsAnErrorNamingWhereItOpened() {
        assertThatThrownBy(() -> Spintax.spin("Hi {there|friend", "r")).isInstanceOf(Spintax.Malformed.class)
                .hasMessage("spintax: unbalanced '{' at position 3 (no closing '}')");
    }

    @Test
    void aClosingBraceOutsideEveryGroupIsTextAsInTheCorpus() {
        assertThat(Spintax.spin("Hi there :}", "r")).isEqualTo("Hi there :}");
    }

    @Test
    void nestingDeeperThanTheLimitIsAnErrorNotAStackOverflow() {
        String deep = "{a|".repeat(50_000) + "}".repeat(50_000);

        assertThatThrownBy(() -> Spintax.check(deep)).isInstanceOf(Spintax.Malformed.class)
                .hasMessageContaining("nested deeper than 32");
        assertThat(Spintax.spin("{a|".repeat(32) + "b" + "}".repeat(32), "r")).isNotEmpty();
    }

    @Test
    void escapedBracesAreTextNotAGroup() {
        assertThat(Spintax.spin("a \\{b|c\\} d", "r")).isEqualTo("a {b|c} d");
    }

    @Test
    void theVariationCountSaturatesInsteadOfOverflowing() {
        assertThat(Spintax.variations("{a|b}".repeat(70))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void cssRulesAndCommentsInAnHtmlBodyAreCopiedAsTheyAreWhileTheTextAroundThemIsSpun() {
        String template = "<html><head><style>p { color: red; } a{b|c}</style><!--[if mso]>{x}<![endif]--></head>"
                + "<body><p>{Hi|Hello} there</p></body></html>";

        String body = Spintax.spin(template, "run-1/0/body");

        assertThat(body).contains("<style>p { color: red; } a{b|c}</style><!--[if mso]>{x}<![endif]-->")
                .containsAnyOf("<p>Hi there</p>", "<p>Hello there</p>");
        assertThat(Spintax.variations(template)).isEqualTo(2);
    }
}
