package com.superkabe.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dominic Sayers' is_email vectors (src/test/resources/isemail). Accepted: the "strict" reading
 * (ISEMAIL_VALID and DNSWARN categories), minus the deliberate deviations below; refused: every
 * RFC 5321-only form (quoted strings, address literals, numeric TLDs), every CFWS / deprecated /
 * RFC 5322-only form and every error — each with a diagnosis. Surrounding spaces are trimmed
 * (input noise), so the two vectors that are only a padded valid address are accepted; CR/LF
 * anywhere is refused.
 */
class EmailSyntaxVectorsTest {

    /** Strict-valid in is_email but refused here: no alphabetic TLD of 2+ letters (unsendable in practice). */
    private static final Set<String> DEVIATIONS = Set.of("test@io", "test@iana.a", "test@iana.co-uk");

    record Vector(int id, String address, String category, boolean validStrict) {
        @Override
        public String toString() {
            return id + " " + category + " " + address.replaceAll("\\p{Cntrl}", "?");
        }
    }

    static Stream<Vector> vectors() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Vector> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(EmailSyntaxVectorsTest.class.getClassLoader()
                .getResourceAsStream("isemail/isemail_tests.tsv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                out.add(new Vector(Integer.parseInt(f[0]), json.readValue(f[1], String.class), f[2],
                        Boolean.parseBoolean(f[4])));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void acceptsExactlyTheStrictlyValidAddressesAndDiagnosesTheRest(Vector v) {
        EmailSyntax.Result r = EmailSyntax.check(v.address());
        boolean deviation = DEVIATIONS.contains(v.address()) || v.address().endsWith(".t.u.v");
        boolean trimmedOnly = !v.address().equals(v.address().strip()) && v.address().strip().equals("test@iana.org")
                && v.address().chars().noneMatch(c -> c == '\r' || c == '\n');
        boolean expected = v.validStrict() && !deviation || trimmedOnly;

        assertThat(r.valid()).as(v.toString()).isEqualTo(expected);
        if (!r.valid()) {
            assertThat(r.diagnosis()).isNotBlank();
        }
    }
}
