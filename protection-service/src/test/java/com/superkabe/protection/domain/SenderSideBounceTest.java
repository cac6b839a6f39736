package com.superkabe.protection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.reply.BounceReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Asynchronous bounces by their category in the bounce taxonomy (ADR 0025, 0024): sender-side
 * reasons count against the mailbox as sender rejections, never as a recipient bounce; the rest keep
 * the status rule of ADR 0010 §2; an event without a category is judged by its status alone.
 */
class SenderSideBounceTest {

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @CsvSource({
            "5.7.1, 554, POLICY_BLOCK, SENDER_REJECTION",
            "5.7.26, 550, AUTH_FAILURE, SENDER_REJECTION",
            "5.7.515, 550, AUTH_FAILURE, SENDER_REJECTION",
            "5.7.1, 550, CONTENT_REJECTED, SENDER_REJECTION",
            "4.7.28, 421, RATE_LIMITED, SENDER_REJECTION",
            "4.7.1, 451, POLICY_BLOCK, FAILURE",
            "5.1.1, 550, USER_UNKNOWN, COUNTED_BOUNCE",
            "5.1.2, 550, HOST_UNKNOWN, COUNTED_BOUNCE",
            "5.2.2, 552, MAILBOX_FULL, COUNTED_BOUNCE",
            "4.4.7, 0, EXPIRED, FAILURE",
            "5.3.4, 552, OTHER, EXCLUDED_BOUNCE"})
    void judgesADsnByItsCategory(String status, int code, BounceReason category, OutcomeClass expected) {
        String cls = category.bounceClass(status.startsWith("5"));

        assertThat(BounceRule.classifyDsn(status, code, null, cls, category)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} without a category is {1}")
    @CsvSource({"5.7.1, COUNTED_BOUNCE", "5.1.1, COUNTED_BOUNCE", "4.7.28, FAILURE"})
    void judgesAnOlderDsnWithoutACategoryByItsStatusAlone(String status, OutcomeClass expected) {
        assertThat(BounceRule.classifyDsn(status, 550, null, "SOFT", null)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void threeSenderSideDsnsPauseTheMailboxWithoutMarkingABounce() {
        Mailboxes.Run r = Mailboxes.given().register().clean(20);
        OutcomeClass blocked = BounceRule.classifyDsn("5.7.1", 554, "blocked using Spamhaus", "SOFT",
                BounceReason.POLICY_BLOCK);

        for (int i = 0; i < 3; i++) {
            r.apply(new MailboxCommand.RecordOutcome(blocked, RecipientEsp.OTHER, r.tick, false));
        }

        assertThat(r.status()).isEqualTo(MailboxStatus.PAUSED);
        assertThat(r.lastTransition().trigger()).isEqualTo("sender_rejection");
        assertThat(r.state.bounces()).isZero();
    }
}
