package com.superkabe.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.events.organization.OrganizationMailingAddressSet;
import org.junit.jupiter.api.Test;

class MailingAddressTest {

    @Test
    void keepsAMultiLineAddressTrimmedWithLfLineBreaks() {
        MailingAddress a = MailingAddress.of("  Acme Inc.\r\n1 Main Street\nSpringfield\r\n ");

        assertThat(a.value()).isEqualTo("Acme Inc.\n1 Main Street\nSpringfield");
    }

    @Test
    void refusesControlCharactersOtherThanLineBreaks() {
        assertThatThrownBy(() -> MailingAddress.of("1 Main Street\u0000Springfield"))
                .hasMessageContaining("U+0000");
        assertThatThrownBy(() -> MailingAddress.of("1 Main Street\rSpringfield")).hasMessageContaining("U+000D");
        assertThatThrownBy(() -> MailingAddress.of("1 Main\tStreet, Springfield")).hasMessageContaining("U+0009");
    }

    @Test
    void refusesMissingBlankTooShortAndTooLongAddresses() {
        assertThatThrownBy(() -> MailingAddress.of(null)).hasMessage("mailingAddress is required");
        assertThatThrownBy(() -> MailingAddress.of(" \n \r\n ")).hasMessage("mailingAddress must not be blank");
        assertThatThrownBy(() -> MailingAddress.of(" 1 Main  ")).hasMessageContaining("has 6 characters");
        assertThatThrownBy(() -> MailingAddress.of("x".repeat(501))).hasMessageContaining("has 501 characters");
        assertThat(MailingAddress.of("x".repeat(500)).value()).hasSize(500);
        assertThat(MailingAddress.of("\uD83C\uDFE0".repeat(10)).value()).hasSize(20);
    }

    @Test
    void setsAFirstAddressAsOneEvent() {
        var events = MailingAddressDecider.decide("org-1", MailingAddress.of("1 Main Street, Springfield"),
                new MailingAddressDecider.Current(null, 0));

        assertThat(events).containsExactly(new OrganizationMailingAddressSet("org-1", "1 Main Street, Springfield"));
    }

    @Test
    void settingTheCurrentAddressAgainDecidesNothing() {
        var current = new MailingAddressDecider.Current("1 Main Street, Springfield", 1);

        assertThat(MailingAddressDecider.decide("org-1", MailingAddress.of("1 Main Street, Springfield\r\n"), current))
                .isEmpty();
    }

    @Test
    void returningToAnEarlierAddressIsANewVersion() {
        var current = new MailingAddressDecider.Current("2 Elm Road, Springfield", 2);
        var event = MailingAddressDecider.decide("org-1", MailingAddress.of("1 Main Street, Springfield"), current)
                .getFirst();

        assertThat(MailingAddressDecider.evolve(current, event))
                .isEqualTo(new MailingAddressDecider.Current("1 Main Street, Springfield", 3));
    }
}
