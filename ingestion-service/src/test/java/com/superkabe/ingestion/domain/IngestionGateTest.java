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
        Verdict v = judge(new LeadCandidate("org-1", " Ada.Lovelace@Acme.COM ", "Ada", null, null, null, "c-1"));

        assertThat(v).isEqualTo(new Verdict.Accepted("ada.lovelace@acme.com", "GREEN", 100, java.util.List.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not-an-email|syntax|has no '@'",
            "a@@acme.com|syntax|more than one '@'",
            ".ada@acme.com|syntax|starts with a dot",
            "ada..l@acme.com|syntax|two consecutive dots",
            "ada@acme|syntax|without a top-level domain",
            "ada@-acme.com|syntax|starts or ends with a hyphen",
            "ada@[127.0.0.1]|address_literal|address literal",
            "ad a@acme.com|syntax|white space",
            "ada@acme.c0m|syntax|invalid top-level domain",
            "\"ada\"@acme.com|quoted_local_part|quoted local part",
            "ada@xn--0.com|idna|invalid A-label",
            "ada@yy--0.com|syntax|positions 3 and 4",
            "ada\u2028@acme.com|unsafe_character|LINE SEPARATOR",
            "jürgen@acme.de|smtputf8_not_enabled|SMTPUTF8"})
    void rejectsASyntacticallyInvalidAddressWithItsCodeAndADiagnosisNamingTheEmailField(String email, String code,
                                                                                       String diagnosis) {
        Verdict v = judge(new LeadCandidate("org-1", email, null, null, null, null, null));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reasons())
                .singleElement().satisfies(reason -> {
                    assertThat(reason.code()).isEqualTo(code);
                    assertThat(reason.field()).isEqualTo("email");
                    assertThat(reason.detail()).contains(diagnosis);
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada+tag@acme.com", "o'brien@acme.ie", "x@sub.acme.co.uk", "a_b-c@x-y.io",
            "ada@bücher.de"})
    void acceptsAddressesRealMailSystemsAccept(String email) {
        Verdict v = judge(new LeadCandidate("o", email, null, null, null, null, null));

        assertThat(v).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void acceptsANonAsciiLocalPartOnlyWhenTheOrganizationEnablesSmtputf8() {
        LeadCandidate lead = new LeadCandidate("o", "Jürgen@Bücher.de", null, null, null, null, null);
        QualityPolicy smtputf8 = new QualityPolicy(null, 80, 50, null, false, false, true);

        Verdict off = IngestionGate.judge(lead, Fixtures.SHIPPED, QualityPolicy.DEFAULT, Fixtures.MX_FOUND);
        Verdict on = IngestionGate.judge(lead, Fixtures.SHIPPED, smtputf8, Fixtures.MX_FOUND);

        assertThat(off).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reasons())
                .extracting(LeadRejected.Reason::code).containsExactly("smtputf8_not_enabled"));
        assertThat(on).isInstanceOfSatisfying(Verdict.Accepted.class,
                a -> assertThat(a.email()).isEqualTo("jürgen@xn--bcher-kva.de"));
    }

    @Test
    void storesAnInternationalisedDomainInItsIdnaAsciiForm() {
        Verdict v = judge(new LeadCandidate("o", "Ada@Bücher.de", null, null, null, null, null));

        assertThat(v).isInstanceOfSatisfying(Verdict.Accepted.class,
                a -> assertThat(a.email()).isEqualTo("ada@xn--bcher-kva.de"));
    }

    @Test
    void rejectsHeaderInjectionInNamesNamingEachField() {
        Verdict v = judge(new LeadCandidate("org-1", "ada@acme.com", "Ada\r\nBcc: x@evil.test",
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

    @ParameterizedTest
    @CsvSource({"info@acme.com,role", "ada@acme.xyz,tld", "ada@acme.tk,tld"})
    void blocksRoleAccountsAndSuspiciousTldsByDefault(String email, String code) {
        Verdict v = judge(new LeadCandidate("o", email, null, null, null, null, null));

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reasons())
                .singleElement().satisfies(reason -> {
                    assertThat(reason.code()).isEqualTo(code);
                    assertThat(reason.detail()).contains("blocked");
                }));
    }

    @Test
    void acceptsARoleAccountAsYellowWithTheReasonWhenTheOrganizationOptsIn() {
        QualityPolicy acceptRoles = new QualityPolicy(null, 80, 50, null, true, false, false);

        Verdict v = IngestionGate.judge(new LeadCandidate("o", "info@acme.com", null, null, null, null, null),
                Fixtures.SHIPPED, acceptRoles, Fixtures.MX_FOUND);

        assertThat(v).isInstanceOfSatisfying(Verdict.Accepted.class, a -> {
            assertThat(a.health()).isEqualTo("YELLOW");
            assertThat(a.score()).isEqualTo(75);
            assertThat(a.warnings()).extracting(LeadRejected.Reason::code).containsExactly("role");
        });
    }

    @Test
    void refusesAReservedDomainWithItsOwnReasonWithoutAskingDns() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        MxCheck mx = d -> {
            asked.add(d);
            return Fixtures.MX_FOUND.lookup(d);
        };

        Verdict v = IngestionGate.judge(new LeadCandidate("o", "ada@example.com", null, null, null, null, null),
                Fixtures.SHIPPED, QualityPolicy.DEFAULT, mx);

        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reasons())
                .extracting(LeadRejected.Reason::code).containsExactly("reserved_domain"));
        assertThat(asked).isEmpty();
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
