package com.superkabe.protection.domain;

import static com.superkabe.protection.domain.Mailboxes.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorTransitionTest {

    @Test
    void pausesAHealthyMailboxWithoutForceBecausePausingIsAlwaysSafe() {
        Mailboxes.Run run = given().register().operator(MailboxStatus.PAUSED, false);

        assertThat(run.status()).isEqualTo(MailboxStatus.PAUSED);
        Transition t = run.lastTransition();
        assertThat(t.trigger()).isEqualTo("operator");
        assertThat(t.actor()).isEqualTo("apikey:abc");
        assertThat(t.forced()).isFalse();
        assertThat(t.warning()).isNull();
    }

    @Test
    void refusesAJumpOutsideTheTransitionTableWithoutForceAndChangesNothing() {
        Mailboxes.Run run = given().paused();
        MailboxState before = run.state;

        run.operator(MailboxStatus.HEALTHY, false);

        assertThat(run.last.isRejected()).isTrue();
        assertThat(run.last.rejection()).contains("needs force: true").contains("not a valid transition");
        assertThat(run.state).isEqualTo(before);
        assertThat(run.last.transitions()).isEmpty();
    }

    @Test
    void refusesAnEarlyGraduationWithoutForce() {
        Mailboxes.Run run = given().paused().operator(MailboxStatus.QUARANTINE, false);

        assertThat(run.last.rejection()).contains("cooldown runs until tick 10");
    }

    @Test
    void allowsAGraduationWhoseCriteriaAreMetWithoutForce() {
        Mailboxes.Run run = given().paused();
        run.tick = 10;

        run.operator(MailboxStatus.QUARANTINE, false);

        assertThat(run.status()).isEqualTo(MailboxStatus.QUARANTINE);
    }

    @Test
    void appliesAForcedTransitionAndRecordsWhatItSkipped() {
        Mailboxes.Run run = given().paused().operator(MailboxStatus.HEALTHY, true);

        assertThat(run.status()).isEqualTo(MailboxStatus.HEALTHY);
        Transition t = run.lastTransition();
        assertThat(t.forced()).isTrue();
        assertThat(t.warning()).startsWith("Forced transition skipped safety checks")
                .contains("paused -> healthy is not a valid transition");
    }

    @Test
    void refusesATransitionToTheCurrentState() {
        Mailboxes.Run run = given().register().operator(MailboxStatus.HEALTHY, true);

        assertThat(run.last.rejection()).isEqualTo("mailbox is already healthy");
    }

    @Test
    void releasesAManualReviewMailboxOnlyByOperator() {
        Mailboxes.Run run = given().restricted().bounce(1);
        run.tickTo(run.state.cooldownUntil()).dns(true).bounce(1);
        run.tickTo(run.state.cooldownUntil()).dns(true).bounce(1);
        assertThat(run.state.manualReview()).isTrue();
        run.tickTo(run.state.cooldownUntil());

        run.operator(MailboxStatus.QUARANTINE, false);

        assertThat(run.status()).isEqualTo(MailboxStatus.QUARANTINE);
        assertThat(run.state.manualReview()).isFalse();
    }

    @Test
    void knowsTheValidTransitionsAndRejectsTheInvalidJumpFromTheFactsSheet() {
        assertThat(Transitions.allowed(MailboxStatus.HEALTHY, MailboxStatus.WARM_RECOVERY)).isFalse();
        assertThat(Transitions.allowed(MailboxStatus.PAUSED, MailboxStatus.HEALTHY)).isFalse();
        assertThat(Transitions.allowed(MailboxStatus.QUARANTINE, MailboxStatus.RESTRICTED_SEND)).isTrue();
        assertThat(MailboxStatus.parse("active")).contains(MailboxStatus.HEALTHY);
        assertThat(MailboxStatus.parse("recovering")).isEmpty();
    }
}
