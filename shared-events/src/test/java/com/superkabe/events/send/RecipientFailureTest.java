package com.superkabe.events.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientFailureTest {

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "550|5.1.1 <ada@acme.test>: Recipient address rejected: User unknown|true",
            "550|5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup|true",
            "550|5.2.1 The email account that you tried to reach is disabled|true",
            "552|5.2.2 mailbox full|false",
            "552|5.3.4 Message size exceeds fixed maximum message size|false",
            "554|5.7.1 Service unavailable; Client host blocked using zen.spamhaus.org|false",
            "535|5.7.8 Username and Password not accepted|false",
            "550|5.7.1 Message rejected as spam|false",
            "550|No such user here|true",
            "550|smtp; 550 5.1.1 <ada@acme.test>... User unknown|true",
            "550|550-5.1.1 The email account that you tried to reach does not exist|true",
            "553|5.1.8 Sender address rejected: Domain not found|false",
            "550|5.1.7 Invalid sender address|false",
            "554|client host [5.1.20.4] blocked using zen.spamhaus.org|false",
            "550|Requested action not taken: mailbox unavailable|false",
            "550|Message rejected due to content restrictions|false",
            "554|Transaction failed|false"})
    void suppressesOnlyWhenTheReplySaysTheAddressItselfCannotReceive(int code, String detail, boolean expected) {
        assertThat(RecipientFailure.addressCannotReceive(code, detail)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"TRANSIENT", "AMBIGUOUS", "CONFIGURATION"})
    void aFailureThatIsNotAHardBounceNeverSuppresses(String kind) {
        EmailSendFailed f = new EmailSendFailed("o", "s", "r", "c", "l", "m", 0, "ada@acme.test", kind, 550,
                "5.1.1 user unknown", 0);

        assertThat(RecipientFailure.addressCannotReceive(f)).isFalse();
    }
}
