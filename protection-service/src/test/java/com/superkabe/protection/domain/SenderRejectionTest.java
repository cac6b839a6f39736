package com.superkabe.protection.domain;

import static com.superkabe.protection.domain.Mailboxes.given;
import static com.superkabe.protection.domain.MailboxStatus.HEALTHY;
import static com.superkabe.protection.domain.MailboxStatus.PAUSED;
import static com.superkabe.protection.domain.MailboxStatus.QUARANTINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendFailureClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Given/when/then for sender rejections (ADR 0010 §15): their own threshold and trigger, never a bounce. */
class SenderRejectionTest {

    private static final ProtectionPolicy P = Mailboxes.POLICY;

    @ParameterizedTest(name = "{0} {1} \"{2}\" is {3}")
    @CsvSource({
            "HARD_BOUNCE, 550, 5.7.1 Service unavailable; client host blocked using Spamhaus, SENDER_REJECTION",
            "HARD_BOUNCE, 550, 5.7.26 This mail is unauthenticated (DMARC), SENDER_REJECTION",
            "HARD_BOUNCE, 554, 5.7.1 Message rejected due to sender reputation, SENDER_REJECTION",
            "HARD_BOUNCE, 550, 5.1.1 user unknown, COUNTED_BOUNCE",
            "HARD_BOUNCE, 552, 5.3.4 message too big, EXCLUDED_BOUNCE",
            "HARD_BOUNCE, 535, 5.7.8 authentication credentials invalid, FAILURE",
            "CONFIGURATION, 0, unknown mailbox, FAILURE",
            "TRANSIENT, 421, 4.7.0 try again later, FAILURE"})
    void classifiesAFailureWithoutAClassByWhoseProblemItIs(String kind, int code, String detail,
                                                           OutcomeClass expected) {
        assertThat(BounceRule.classify(failed(kind, code, detail, null))).isEqualTo(expected);
    }

    @Test
    void aTransientFailureIsNeverABounceWhateverItsKindSays() {
        EmailSendFailed f = failed("HARD_BOUNCE", 550, "5.1.1 user unknown", SendFailureClass.TRANSIENT);

        assertThat(BounceRule.classify(f)).isEqualTo(OutcomeClass.FAILURE);
    }

    @Test
    void aReportedSenderClassIsASenderRejectionAndARecipientClassABounce() {
        assertThat(BounceRule.classify(failed("HARD_BOUNCE", 550, "blocked", SendFailureClass.SENDER)))
                .isEqualTo(OutcomeClass.SENDER_REJECTION);
        assertThat(BounceRule.classify(failed("PERMANENT", 550, "no such user", SendFailureClass.RECIPIENT)))
                .isEqualTo(OutcomeClass.COUNTED_BOUNCE);
        assertThat(BounceRule.classify(new EmailSent("org-1", "s-1", "r-1", "c-1", "l-1", "mb-1", 0, "a@b.test",
                "<m@acme.test>", 1))).isEqualTo(OutcomeClass.CLEAN);
    }

    @Test
    void pausesTheMailboxOnTheThirdSenderRejectionWithinHundredSends() {
        Mailboxes.Run run = given().register().clean(40).senderRejection(2);
        assertThat(run.status()).isEqualTo(HEALTHY);

        run.senderRejection(1);

        assertThat(run.status()).isEqualTo(PAUSED);
        Transition t = run.lastTransition();
        assertThat(t.trigger()).isEqualTo("sender_rejection");
        assertThat(t.reason()).startsWith("Receivers refused the sender 3 times within 100 sends");
        assertThat(t.cooldownUntil()).isEqualTo(10);
        assertThat(run.state.offences()).isEqualTo(1);
        assertThat(run.last.pauseBreached()).as("no bounce correlation for a sender rejection").isFalse();
    }

    @Test
    void senderRejectionsAreNeverCountedAsBounces() {
        Mailboxes.Run run = given().register().clean(10).senderRejection(2).bounce(2);

        assertThat(run.status()).as("2 bounces + 2 rejections: neither threshold").isEqualTo(HEALTHY);
        assertThat(run.state.window().bounces(100)).isEqualTo(2);
        assertThat(run.state.window().senderRejections(100)).isEqualTo(2);
        assertThat(run.state.bounces()).as("hard bounces only").isEqualTo(2);
        assertThat(run.state.window().bouncesByEsp(100)).containsOnlyKeys(RecipientEsp.OTHER);
    }

    @Test
    void rejectionsThatSlidOutOfTheWindowDoNotPause() {
        Mailboxes.Run run = given().register().senderRejection(2).clean(98);

        run.senderRejection(1);

        assertThat(run.status()).isEqualTo(HEALTHY);
    }

    @Test
    void aSenderRejectionInRestrictedSendIsARelapse() {
        Mailboxes.Run run = given().restricted();

        run.senderRejection(1);

        assertThat(run.status()).isEqualTo(QUARANTINE);
        assertThat(run.lastTransition().reason()).contains("sender rejection in restricted_send");
    }

    @Test
    void pausesTheDomainWhenTwoOfItsMailboxesArePausedForSenderRejections() {
        DomainState healthy = DomainState.healthy("org-1", "acme.test");

        DomainDecision d = DomainDecider.evaluate(healthy, 10, 2, 2, 7, P);

        assertThat(d.state().status()).isEqualTo(DomainStatus.PAUSED);
        assertThat(d.transition()).hasValueSatisfying(t -> {
            assertThat(t.trigger()).isEqualTo("sender_rejection");
            assertThat(t.reason()).startsWith("2 of 10 mailboxes paused for sender rejections");
        });
    }

    @Test
    void oneMailboxPausedForSenderRejectionsLeavesTheDomainToTheRatioRule() {
        DomainState healthy = DomainState.healthy("org-1", "acme.test");

        assertThat(DomainDecider.evaluate(healthy, 10, 1, 1, 7, P).transition()).isEmpty();
    }

    @Test
    void aDomainPausedForSenderRejectionsRecoversByTheRatioRuleOnceItsMailboxesServedTheirPause() {
        DomainState paused = new DomainState("org-1", "acme.test", DomainStatus.PAUSED, 10, 2);

        assertThat(DomainDecider.evaluate(paused, 10, 2, 2, 9, P).transition()).isEmpty();
        DomainDecision d = DomainDecider.evaluate(paused, 10, 0, 0, 11, P);

        assertThat(d.state().status()).isEqualTo(DomainStatus.HEALTHY);
    }

    @Test
    void aDomainCountsOnlyMailboxesPausedByTheirOwnSenderRejections() {
        Mailboxes.Run rejected = given().register().senderRejection(3);
        Mailboxes.Run bounced = given().paused();
        Mailboxes.Run healing = given().register().senderRejection(3).tickTo(10);

        assertThat(SenderRejections.pausedFor(rejected.state, P)).isTrue();
        assertThat(SenderRejections.pausedFor(bounced.state, P)).isFalse();
        assertThat(healing.status()).isEqualTo(QUARANTINE);
        assertThat(SenderRejections.pausedFor(healing.state, P)).isFalse();
    }

    private static EmailSendFailed failed(String kind, int code, String detail, SendFailureClass cls) {
        return new EmailSendFailed("org-1", "s-1", "r-1", "c-1", "l-1", "mb-1", 0, "ada@acme.test", kind, code,
                detail, 1, cls, null);
    }
}
