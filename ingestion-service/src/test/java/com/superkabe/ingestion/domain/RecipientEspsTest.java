package com.superkabe.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.lead.RecipientEsp;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientEspsTest {

    @Test
    void namesTheProviderOfTheMostPreferredExchangerThatNamesOne() {
        MxResult mx = MxResult.found("acme.com", List.of("20 mx2.acme.com.", "5 acme-com.mail.protection.outlook.com.",
                "10 aspmx.l.google.com."));

        assertThat(mx.hosts()).containsExactly("acme-com.mail.protection.outlook.com", "aspmx.l.google.com",
                "mx2.acme.com");
        assertThat(RecipientEsps.of("acme.com", mx)).isEqualTo(RecipientEsp.MICROSOFT);
    }

    @Test
    void aSecurityGatewayInFrontOfTheMailboxesIsTheEsp() {
        MxResult mx = MxResult.found("bank.test", List.of("10 mxa-001.pphosted.com.", "10 mxb-001.pphosted.com."));

        assertThat(RecipientEsps.of("bank.test", mx)).isEqualTo(RecipientEsp.PROOFPOINT);
    }

    @Test
    void exchangersOfNoKnownProviderAreOther() {
        assertThat(RecipientEsps.of("acme.test", MxResult.found("acme.test", List.of("10 mail.acme.test."))))
                .isEqualTo(RecipientEsp.OTHER);
    }

    @Test
    void aFailedOrEmptyLookupIsUnknownEvenForAConsumerDomain() {
        assertThat(RecipientEsps.of("gmail.com", new MxResult(MxResult.Status.UNKNOWN, "DNS did not answer")))
                .isEqualTo(RecipientEsp.UNKNOWN);
        assertThat(RecipientEsps.of("nomx.test", new MxResult(MxResult.Status.NOT_FOUND, "no MX")))
                .isEqualTo(RecipientEsp.UNKNOWN);
    }

    @Test
    void withTheMxCheckOffOnlyConsumerDomainsAreNamed() {
        MxResult off = MxCheck.DISABLED.lookup("gmail.com");

        assertThat(RecipientEsps.of("gmail.com", off)).isEqualTo(RecipientEsp.GOOGLE);
        assertThat(RecipientEsps.of("hotmail.co.uk", off)).isEqualTo(RecipientEsp.MICROSOFT);
        assertThat(RecipientEsps.of("acme.com", off)).isEqualTo(RecipientEsp.UNKNOWN);
    }
}
