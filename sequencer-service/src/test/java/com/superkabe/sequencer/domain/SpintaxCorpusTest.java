package com.superkabe.sequencer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The classic spintax corpus (src/test/resources/spintax, see SOURCE.txt), case by case. */
class SpintaxCorpusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = SpintaxCorpusTest.class.getResourceAsStream("/spintax/classic_spintax_cases.jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList().stream();
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void everyCorpusCaseSpinsToAnExpectedOutputOrFailsWhereTheCorpusExpectsAnError(JsonNode c) {
        String input = c.get("input").asString();
        if (c.has("expect_variation_count") && c.get("expect_variation_count").isNull()) {
            assertThatThrownBy(() -> Spintax.spin(input, "run-1/0/subject")).isInstanceOf(Spintax.Malformed.class)
                    .hasMessageContaining("unbalanced");
            return;
        }
        List<String> outputs = IntStream.range(0, 200).mapToObj(i -> Spintax.spin(input, "run-" + i + "/0/body"))
                .toList();
        if (c.has("expect_exact")) {
            assertThat(outputs).containsOnly(c.get("expect_exact").asString());
        }
        if (c.has("expect_one_of")) {
            assertThat(outputs).allMatch(strings(c.get("expect_one_of"))::contains);
        }
        if (c.has("expect_all_of_over_50_spins")) {
            Set<String> expected = strings(c.get("expect_all_of_over_50_spins"));
            assertThat(outputs).allMatch(expected::contains);
            assertThat(new HashSet<>(outputs.subList(0, 50))).isEqualTo(expected);
        }
        if (c.has("expect_no_remaining_spintax")) {
            assertThat(outputs).allMatch(o -> o.indexOf('{') < 0 && o.indexOf('}') < 0 && o.indexOf('|') < 0);
        }
        if (c.has("expect_variation_count")) {
            assertThat(Spintax.variations(input)).isEqualTo(c.get("expect_variation_count").asLong());
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
