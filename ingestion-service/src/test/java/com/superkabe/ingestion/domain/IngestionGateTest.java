package com.superkabe.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.lead.LeadRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IngestionGateTest {

    @Test
    void acceptsAWellFormedLeadAsGreenWithItsDomainLowerCased() {
        Verdict v = IngestionGate.judge(new LeadCandidate("org-1", " Ada.Lovelace@Example.COM ", "Ada", null, null, null, "c-1"));

        assertThat(v).isEqualTo(new Verdict.Accepted("Ada.Lovelace@example.com", "GREEN", 100));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not-an-email|has no '@'",
            "a@@example.com|more than one '@'",
            ".ada@example.com|dot",
            "ada..l@example.com|dot",
            "ada@example|without a top-level domain",
            "ada@-example.com|invalid domain label",
            "ada@[127.0.0.1]|address literal",
            "ad a@example.com|not allowed in the local part",
            "ada@example.c0m|invalid top-level domain"})
    void rejectsASyntacticallyInvalidAddressWithADiagnosisNamingTheEmailField(String email, String diagnosis) {
        Verdict v = IngestionGate.judge(new LeadCandidate("org-1", email, null, null, null, null, null));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reasons())
                .singleElement().satisfies(reason -> {
                    assertThat(reason.code()).isEqualTo("syntax");
                    assertThat(reason.field()).isEqualTo("email");
                    assertThat(reason.detail()).contains(diagnosis);
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user+tag@example.com", "o'brien@example.ie", "x@sub.example.co.uk", "a_b-c@x-y.io"})
    void acceptsAddressesRealMailSystemsAccept(String email) {
        assertThat(IngestionGate.judge(new LeadCandidate("o", email, null, null, null, null, null)))
                .isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void rejectsHeaderInjectionInNamesNamingEachField() {
        Verdict v = IngestionGate.judge(new LeadCandidate("org-1", "ada@example.com", "Ada\r\nBcc: x@evil.test",
                null, "AE\n", null, null));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reasons())
                .extracting(LeadRejected.Reason::field).containsExactly("firstName", "company"));
    }
}
