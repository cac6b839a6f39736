package com.superkabe.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The written address policy (ADR 0023), one rule per test. */
class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "ada@mail.example.org", "ada@example.net", "ada@acme.test",
            "ada@printer.local", "ada@x.invalid", "ada@localhost.localhost", "ada@abc.onion", "ada@router.home.arpa",
            "ada@1.in-addr.arpa", "ada@name.alt", "ada@corp.internal", "ada@foo.example"})
    void namesEverySpecialUseOrReservedDomainWithWhereItIsReserved(String email) {
        EmailSyntax.Result syntax = EmailSyntax.check(email);

        assertThat(syntax.valid()).isTrue();
        assertThat(SpecialUseDomains.reservation(syntax.domain())).isNotNull().contains("(");
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.com", "example-corp.com", "notexample.com", "testing.io", "local.dev", "arpa.io"})
    void leavesOrdinaryNamesThatMerelyLookReservedAlone(String domain) {
        assertThat(SpecialUseDomains.reservation(domain)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ada\u2028x@acme.com|LINE SEPARATOR",
            "ada@acme\u2029.com|PARAGRAPH SEPARATOR",
            "a\u200Bda@acme.com|ZERO WIDTH SPACE",
            "ada@ac\u202Eme.com|RIGHT-TO-LEFT OVERRIDE",
            "ada\u00A0x@acme.com|NO-BREAK SPACE",
            "ada\u0007@acme.com|control character",
            "\u0301ada@acme.com|combining mark",
            "ada@\u0301acme.com|combining mark"})
    void refusesUnsafeUnicodeInAnyPartNamingTheCharacter(String email, String named) {
        EmailSyntax.Result r = EmailSyntax.check(email, true);

        assertThat(r.valid()).isFalse();
        assertThat(r.code()).isEqualTo(EmailSyntax.UNSAFE);
        assertThat(r.diagnosis()).contains(named);
    }

    @Test
    void decodesAndValidatesThePunycodeOfALabels() {
        assertThat(EmailSyntax.check("ada@xn--bcher-kva.de").address()).isEqualTo("ada@xn--bcher-kva.de");
        assertThat(EmailSyntax.check("ada@XN--BCHER-KVA.de").address()).isEqualTo("ada@xn--bcher-kva.de");
        assertThat(EmailSyntax.check("ada@xn--0.de").code()).isEqualTo(EmailSyntax.IDNA);
        assertThat(EmailSyntax.check("ada@xn--abc.de").code()).isEqualTo(EmailSyntax.IDNA);
        assertThat(EmailSyntax.check("ada@xn--.de").code()).isEqualTo(EmailSyntax.IDNA);
    }

    @Test
    void mapsFullWidthAndIdeographicDotsAndCaseTheWayUts46Does() {
        assertThat(EmailSyntax.check("ada@ＡＣＭＥ。com").address()).isEqualTo("ada@acme.com");
        assertThat(EmailSyntax.check("ada@Bücher．de").address()).isEqualTo("ada@xn--bcher-kva.de");
        assertThat(EmailSyntax.check("ada@⒈acme.com").valid()).isFalse();
    }

    @Test
    void encodesAndDecodesPunycodeAsRfc3492Says() {
        assertThat(Punycode.encode("bücher")).isEqualTo("bcher-kva");
        assertThat(Punycode.decode("bcher-kva")).isEqualTo("bücher");
        assertThat(Punycode.encode("臺網中心")).isEqualTo("fiqq24b10vi0d");
    }

    @Test
    void holdsTheRfc5321LengthLimitsInOctets() {
        String local64 = "a".repeat(64);
        String label63 = "b".repeat(63);
        String domain253 = label63 + "." + label63 + "." + label63 + "." + "c".repeat(57) + ".com";

        assertThat(EmailSyntax.check(local64 + "@acme.com").valid()).isTrue();
        assertThat(EmailSyntax.check(local64 + "a@acme.com").code()).isEqualTo(EmailSyntax.TOO_LONG);
        assertThat(EmailSyntax.check("ü".repeat(33) + "@acme.com", true).code()).isEqualTo(EmailSyntax.TOO_LONG);
        assertThat(EmailSyntax.check("a@" + label63 + "b.com").code()).isEqualTo(EmailSyntax.TOO_LONG);
        assertThat(domain253).hasSize(253);
        assertThat(EmailSyntax.check("a@" + domain253).code()).isEqualTo(EmailSyntax.TOO_LONG);
        assertThat(EmailSyntax.check("a@" + domain253.substring(2)).valid()).isTrue();
        assertThat(EmailSyntax.check("abcdefgh@" + domain253.substring(8)).valid()).isTrue();
        assertThat(EmailSyntax.check("abcdefghi@" + domain253.substring(8)).diagnosis()).contains("254");
    }

    @Test
    void refusesQuotedLocalPartsAndAddressLiteralsWithTheirOwnCodes() {
        assertThat(EmailSyntax.check("\"ada lovelace\"@acme.com").code()).isEqualTo(EmailSyntax.QUOTED);
        assertThat(EmailSyntax.check("ada@[192.0.2.1]").code()).isEqualTo(EmailSyntax.LITERAL);
        assertThat(EmailSyntax.check("ada@[IPv6:2001:db8::1]").code()).isEqualTo(EmailSyntax.LITERAL);
    }

    @Test
    void normalisesAnSmtputf8LocalPartToNfcAndLowerCase() {
        EmailSyntax.Result decomposed = EmailSyntax.check("Jo\u0308rg@acme.de", true);

        assertThat(decomposed.address()).isEqualTo("j\u00f6rg@acme.de");
        assertThat(decomposed.smtputf8()).isTrue();
    }
}
