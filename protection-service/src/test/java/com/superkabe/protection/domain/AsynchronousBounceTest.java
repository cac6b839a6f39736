package com.superkabe.protection.domain;

import static com.superkabe.protection.domain.Mailboxes.given;
import static com.superkabe.protection.domain.MailboxStatus.PAUSED;
import static com.superkabe.protection.domain.MailboxStatus.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Given/when/then for bounces reported later by a DSN (ADR 0015): judged on the enhanced status,
 * they count down the mailbox exactly like SMTP-time hard bounces (ADR 0010 §2).
 */
class AsynchronousBounceTest {

    /** Given a mailbox one counted bounce short of a pause (4 in its last 24 sends). */
    private static Mailboxes.Run oneBounceFromAPause() {
        Mailboxes.Run run = given().register().clean(20).bounce(4);
        assertThat(run.status()).isEqualTo(WARNING);
        return run;
    }

    private static Mailboxes.Run whenADsnArrives(Mailboxes.Run run, String status, int smtpCode, String diagnostic,
                                                 String bounceClass) {
        OutcomeClass cls = BounceRule.classifyDsn(status, smtpCode, diagnostic, bounceClass);
        return run.apply(new MailboxCommand.RecordOutcome(cls, RecipientEsp.OTHER, run.tick, false));
    }

    @Test
    void aPermanentUserUnknownDsnCountsAndPausesTheMailboxAtTheFifthBounce() {
        Mailboxes.Run run = oneBounceFromAPause();

        whenADsnArrives(run, "5.1.1", 550, "550 5.1.1 <ada@lead.test>: user unknown", "HARD");

        assertThat(run.status()).isEqualTo(PAUSED);
        assertThat(run.lastTransition().trigger()).isEqualTo("bounce_threshold");
        assertThat(run.state.window().bounces(100)).isEqualTo(5);
    }

    @Test
    void aPermanentPolicyBlockCountsEvenThoughThePollerCallsItSoft() {
        Mailboxes.Run run = oneBounceFromAPause();

        whenADsnArrives(run, "5.7.1", 550, "550 5.7.1 blocked: listed on a DNSBL", "SOFT");

        assertThat(run.status()).isEqualTo(PAUSED);
    }

    @Test
    void aDelayedOrTemporaryDsnNeverCountsAndNeverEntersTheWindow() {
        Mailboxes.Run run = oneBounceFromAPause();
        int windowBefore = run.state.window().size();

        whenADsnArrives(run, "4.2.2", 452, "452 4.2.2 mailbox full", "SOFT");
        whenADsnArrives(run, null, 0, "mailbox temporarily unavailable", "SOFT");
        whenADsnArrives(run, "", 421, "421 try again later", "SOFT");

        assertThat(run.status()).isEqualTo(WARNING);
        assertThat(run.state.window().size()).isEqualTo(windowBefore);
        assertThat(run.state.failures()).isEqualTo(3);
    }

    @Test
    void aPlatformAuthenticationFaultIsExcludedFromTheWindow() {
        Mailboxes.Run run = oneBounceFromAPause();
        int windowBefore = run.state.window().size();

        whenADsnArrives(run, "5.7.8", 535, "535 5.7.8 authentication credentials invalid", "SOFT");

        assertThat(run.status()).isEqualTo(WARNING);
        assertThat(run.state.window().size()).isEqualTo(windowBefore);
    }

    @ParameterizedTest(name = "status {0}, code {1}, {3}: {4}")
    @CsvSource(nullValues = "null", value = {
            "5.1.1, 550, user unknown, HARD, COUNTED_BOUNCE",
            "5.2.2, 552, mailbox full, SOFT, COUNTED_BOUNCE",
            "5.7.26, 550, DMARC policy, SOFT, COUNTED_BOUNCE",
            "5.3.4, 552, message too big, SOFT, EXCLUDED_BOUNCE",
            "5.5.2, 501, syntax error, SOFT, EXCLUDED_BOUNCE",
            "5.7.8, 535, authentication failed, SOFT, EXCLUDED_BOUNCE",
            "4.2.2, 452, mailbox full, SOFT, FAILURE",
            "4.4.7, 0, delivery expired, SOFT, FAILURE",
            "4.1.1, 550, status wins over the code, SOFT, FAILURE",
            "null, 550, user unknown, HARD, COUNTED_BOUNCE",
            "'', 450, mailbox busy, SOFT, FAILURE",
            "null, 0, 550 5.1.1 no such user, HARD, COUNTED_BOUNCE",
            "null, 0, no such user, HARD, COUNTED_BOUNCE",
            "null, 0, no status and no code, SOFT, FAILURE",
            "null, 0, null, SOFT, FAILURE"})
    void classifiesADsnByItsStatusNotByItsClass(String status, int smtpCode, String diagnostic, String bounceClass,
                                                OutcomeClass expected) {
        assertThat(BounceRule.classifyDsn(status, smtpCode, diagnostic, bounceClass)).isEqualTo(expected);
    }
}
