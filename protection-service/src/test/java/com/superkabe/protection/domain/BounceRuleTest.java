package com.superkabe.protection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BounceRuleTest {

    @ParameterizedTest(name = "{0} \"{1}\" is {2}")
    @CsvSource({
            "HARD_BOUNCE, 550 5.1.1 user unknown, COUNTED_BOUNCE",
            "HARD_BOUNCE, 550 5.7.1 blocked: listed on Spamhaus, COUNTED_BOUNCE",
            "HARD_BOUNCE, 550 5.7.26 DMARC policy, COUNTED_BOUNCE",
            "HARD_BOUNCE, 550 no enhanced code, COUNTED_BOUNCE",
            "HARD_BOUNCE, 552 5.3.4 message too big, EXCLUDED_BOUNCE",
            "HARD_BOUNCE, 501 5.5.2 syntax error, EXCLUDED_BOUNCE",
            "HARD_BOUNCE, 535 5.7.8 authentication failed, EXCLUDED_BOUNCE",
            "TRANSIENT, 421 4.7.0 try later, FAILURE",
            "AMBIGUOUS, connection lost after DATA, FAILURE",
            "CONFIGURATION, unknown mailbox, FAILURE",
            "SOMETHING_NEW, ?, FAILURE",
            "SENT, , CLEAN"})
    void classifiesOutcomes(String kind, String detail, OutcomeClass expected) {
        assertThat(BounceRule.classify(kind, detail)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ada@gmail.com, GMAIL", "bob@Hotmail.com, MICROSOFT", "c@yahoo.com, YAHOO", "d@acme.test, OTHER",
            "broken, OTHER"})
    void bucketsRecipientsByProvider(String recipient, RecipientEsp esp) {
        assertThat(RecipientEsp.ofRecipient(recipient)).isEqualTo(esp);
    }
}
