package com.superkabe.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.lead.LeadRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IngestionGateTest {

    private static Verdict judge(LeadCandidate lead) {
        return IngestionGate.judge(lead, Fixtures.SHIPPED, QualityPolicy.DEFAULT, Fixtures.MX_FOUND);
    }

    @Test
    void acceptsAWellFormedLeadAsGreenWithTheAddressNormalisedToLowerCase() {
        Verdict v = judge(new LeadCandidate("org-1", " Ada.Lovelace@Example.COM ", "Ada", null, null, null, "c-1"));

        assertThat(v).isEqualTo(new Verdict.Accepted("ada.lovelace@example.com", "GREEN", 100, java.util.List.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not-an-email|has no '@'",
            "a@@example.com|more than one '@'",
            ".ada@example.com|starts with a dot",
            "ada..l@example.com|two consecutive dots",
            "ada@example|without a top-level domain",
            "ada@-example.com|not a valid (internationalised) host name",
            "ada@[127.0.0.1]|address literal",
            "ad a@example.com|white space",
            "ada@example.c0m|invalid top-level domain",
            "\"ada\"@example.com|quoted local part"})
    void rejectsASyntacticallyInvalidAddressWithADiagnosisNamingTheEmailField(String email, String diagnosis) {
        Verdict v = judge(new LeadCandidate("org-1", email, null, null, null, null, null));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reasons())
                .singleElement().satisfies(reason -> {
                    assertThat(reason.code()).isEqualTo("syntax");
                    assertThat(reason.field()).isEqualTo("email");
                    assertThat(reason.detail()).contains(diagnosis);
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user+tag@example.com", "o'brien@example.ie", "x@sub.example.co.uk", "a_b-c@x-y.io",
            "jürgen@bücher.de"})
    void acceptsAddressesRealMailSystemsAcceptButNotNonAsciiLocalParts(String email) {
        Verdict v = judge(new LeadCandidate("o", email, null, null, null, null, null));
        if (email.startsWith("jürgen")) {
            assertThat(v).isInstanceOf(Verdict.Rejected.class);
        } else {
            assertThat(v).isInstanceOf(Verdict.Accepted.class);
        }
    }

    @Test
    void storesAnInternationalisedDomainInItsIdnaAsciiForm() {
        Verdict v = judge(new LeadCandidate("o", "Ada@Bücher.de", null, null, null, null, null));

        assertThat(v).isInstanceOfSatisfying(Verdict.Accepted.class,
                a -> assertThat(a.email()).isEqualTo("ada@xn--bcher-kva.de"));
    }

    @Test
    void rejectsHeaderInjectionInNamesNamingEachField() {
        Verdict v = judge(new LeadCandidate("org-1", "ada@example.com", "Ada\r\nBcc: x@evil.test",
                null, "AE\n", null, null));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reasons())
                .extracting(LeadRejected.Reason::field).containsExactly("firstName", "company"));
    }

    @Test
    void rejectsADisposableAddressAsRedWithTheListedDomainAsReason() {
        Verdict v = judge(new LeadCandidate("o", "ada@mailinator.com", null, null, null, null, null));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reasons())
                .extracting(LeadRejected.Reason::code).containsExactly("disposable"));
    }

    @Test
    void acceptsARoleAccountAsYellowWithTheReasonByDefault() {
        Verdict v = judge(new LeadCandidate("o", "info@acme.com", null, null, null, null, null));

        assertThat(v).isInstanceOfSatisfying(Verdict.Accepted.class, a -> {
            assertThat(a.health()).isEqualTo("YELLOW");
            assertThat(a.score()).isEqualTo(70);
            assertThat(a.warnings()).extracting(LeadRejected.Reason::code).containsExactly("role");
        });
    }

    @Test
    void rejectsAnOutOfRangeLeadScore() {
        Verdict v = judge(new LeadCandidate("o", "ada@acme.com", null, null, null, null, null, 140));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reasons())
                .extracting(LeadRejected.Reason::field).containsExactly("leadScore"));
    }

    @Test
    void rejectsANameLongerThanTheStoreHoldsNamingTheFieldAndTheLimit() {
        Verdict v = judge(new LeadCandidate("o", "ada@acme.com", "A".repeat(257), null, null, "T".repeat(256),
                "c".repeat(65)));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reasons()).extracting(LeadRejected.Reason::field).containsExactly("firstName", "campaignId");
            assertThat(r.reasons()).extracting(LeadRejected.Reason::code).containsOnly("too_long");
            assertThat(r.reasons().getFirst().detail()).contains("257").contains("256");
        });
    }
}
