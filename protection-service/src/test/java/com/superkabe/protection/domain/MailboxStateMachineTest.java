package com.superkabe.protection.domain;

import static com.superkabe.protection.domain.Mailboxes.given;
import static com.superkabe.protection.domain.MailboxStatus.HEALTHY;
import static com.superkabe.protection.domain.MailboxStatus.PAUSED;
import static com.superkabe.protection.domain.MailboxStatus.QUARANTINE;
import static com.superkabe.protection.domain.MailboxStatus.RESTRICTED_SEND;
import static com.superkabe.protection.domain.MailboxStatus.WARMING;
import static com.superkabe.protection.domain.MailboxStatus.WARM_RECOVERY;
import static com.superkabe.protection.domain.MailboxStatus.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Given/when/then for every automatic transition of the mailbox state machine. */
class MailboxStateMachineTest {

    @Test
    void registersAMailboxAsHealthyWithAnInitialTransition() {
        Mailboxes.Run run = given().register();

        assertThat(run.status()).isEqualTo(HEALTHY);
        assertThat(run.lastTransition().from()).isNull();
        assertThat(run.lastTransition().trigger()).isEqualTo("registered");
    }

    @Test
    void registersANewMailboxAsWarmingWhenAskedTo() {
        Mailboxes.Run run = given().apply(new MailboxCommand.Register("a@acme.test", "acme.test", true, 0));

        assertThat(run.status()).isEqualTo(WARMING);
    }

    @Test
    void staysHealthyWithTwoBouncesWithinSixtySends() {
        Mailboxes.Run run = given().register().clean(50).bounce(2);

        assertThat(run.status()).isEqualTo(HEALTHY);
        assertThat(run.transitions).hasSize(1);
    }

    @Test
    void warnsAtTheThirdBounceWithinSixtySends() {
        Mailboxes.Run run = given().register().clean(10).bounce(3);

        assertThat(run.status()).isEqualTo(WARNING);
        assertThat(run.lastTransition().trigger()).isEqualTo("bounce_threshold");
        assertThat(run.lastTransition().reason()).isEqualTo("Reached 3 bounces within 60 sends");
        assertThat(run.lastTransition().canSend()).isTrue();
    }

    @Test
    void returnsFromWarningToHealthyWhenTheBouncesSlideOutOfTheSixtySendWindow() {
        Mailboxes.Run run = given().register().bounce(3).clean(57);
        assertThat(run.status()).isEqualTo(WARNING);

        run.clean(1);

        assertThat(run.status()).isEqualTo(HEALTHY);
        assertThat(run.lastTransition().trigger()).isEqualTo("window_recovered");
    }

    @Test
    void pausesMailboxOnFifthBounceWithinHundredSends() {
        Mailboxes.Run run = given().register().clean(20).bounce(4);
        assertThat(run.status()).isEqualTo(WARNING);

        run.bounce(1);

        assertThat(run.status()).isEqualTo(PAUSED);
        assertThat(run.last.pauseBreached()).isTrue();
        Transition t = run.lastTransition();
        assertThat(t.from()).isEqualTo("warning");
        assertThat(t.reason()).startsWith("Exceeded 5 bounces within 100 sends");
        assertThat(t.cooldownUntil()).isEqualTo(10);
        assertThat(t.canSend()).isFalse();
        assertThat(run.state.offences()).isEqualTo(1);
    }

    @Test
    void pausesStraightFromHealthyWhenFiveBouncesAreSpreadOverAHundredSends() {
        Mailboxes.Run run = given().register().bounce(1).clean(29).bounce(1).clean(29).bounce(1).clean(29);
        run.bounce(1).clean(5);
        assertThat(run.status()).isEqualTo(HEALTHY);

        run.bounce(1);

        assertThat(run.path()).containsExactly("healthy", "paused");
    }

    @Test
    void neverCountsTransientAmbiguousConfigurationOrPlatformFaultFailures() {
        Mailboxes.Run run = given().register();
        for (OutcomeClass k : List.of(OutcomeClass.FAILURE, OutcomeClass.EXCLUDED_BOUNCE)) {
            for (int i = 0; i < 10; i++) {
                run.apply(new MailboxCommand.RecordOutcome(k, RecipientEsp.GMAIL, 0, false));
            }
        }

        assertThat(run.status()).isEqualTo(HEALTHY);
        assertThat(run.state.window().size()).isZero();
        assertThat(run.state.failures()).isEqualTo(10);
        assertThat(run.state.bounces()).isEqualTo(10);
    }

    @Test
    void keepsTheMailboxInWarningWhenTheCorrelationCheckPutsTheBreachAtProviderScope() {
        Mailboxes.Run run = given().register().bounce(4);

        run.apply(new MailboxCommand.RecordOutcome(OutcomeClass.COUNTED_BOUNCE, RecipientEsp.GMAIL, 0, true));

        assertThat(run.status()).isEqualTo(WARNING);
    }

    @Test
    void decidesOnOutcomesThatArrivedBeforeTheRegistrationWhenItArrives() {
        Mailboxes.Run run = given().bounce(5);
        assertThat(run.transitions).isEmpty();

        run.register();

        assertThat(run.path()).containsExactly("healthy", "paused");
    }

    @Test
    void staysPausedUntilTheCooldownExpiresThenEntersQuarantineAndAsksForADnsCheck() {
        Mailboxes.Run run = given().paused().tickTo(9);
        assertThat(run.status()).isEqualTo(PAUSED);

        run.tickTo(10);

        assertThat(run.status()).isEqualTo(QUARANTINE);
        assertThat(run.lastTransition().trigger()).isEqualTo("cooldown_expired");
        assertThat(run.last.dnsCheckDue()).isTrue();
    }

    @Test
    void escalatesTheCooldownWithEachOffence() {
        Mailboxes.Run run = given().warmRecovering().tickTo(100).clean(50);
        assertThat(run.status()).isEqualTo(HEALTHY);

        run.bounce(5);

        assertThat(run.state.offences()).isEqualTo(2);
        assertThat(run.state.cooldownUntil()).isEqualTo(100 + 30);
    }

    @Test
    void doublesEveryCooldownOnTheManualOverrideTier() {
        Mailboxes.Run run = new Mailboxes.Run(Mailboxes.POLICY.withManualOverride(true)).paused();

        assertThat(run.state.cooldownUntil()).isEqualTo(20);
    }

    @Test
    void staysInQuarantineWhileDnsFailsOrIsUnknown() {
        Mailboxes.Run run = given().quarantined().dns(false);

        assertThat(run.status()).isEqualTo(QUARANTINE);
        run.tickTo(run.tick + 1);
        assertThat(run.last.dnsCheckDue()).isFalse();
        run.tickTo(run.tick + 5);
        assertThat(run.last.dnsCheckDue()).isTrue();
    }

    @Test
    void graduatesFromQuarantineToRestrictedSendWhenDnsPasses() {
        Mailboxes.Run run = given().quarantined().dns(true);

        assertThat(run.status()).isEqualTo(RESTRICTED_SEND);
        assertThat(run.lastTransition().trigger()).isEqualTo("dns_check");
        assertThat(WarmupLimits.of(run.state, run.tick, run.policy)).isEqualTo(10);
    }

    @Test
    void graduatesFromRestrictedSendAfterFifteenCleanSends() {
        Mailboxes.Run run = given().restricted().clean(14);
        assertThat(run.status()).isEqualTo(RESTRICTED_SEND);

        run.clean(1);

        assertThat(run.status()).isEqualTo(WARM_RECOVERY);
        assertThat(run.lastTransition().trigger()).isEqualTo("clean_sends");
    }

    @Test
    void requiresTwentyFiveCleanSendsFromARepeatOffender() {
        Mailboxes.Run run = given().warmRecovering().tickTo(100).clean(50).bounce(5);
        run.tickTo(run.state.cooldownUntil()).dns(true).clean(24);
        assertThat(run.status()).isEqualTo(RESTRICTED_SEND);

        run.clean(1);

        assertThat(run.status()).isEqualTo(WARM_RECOVERY);
    }

    @Test
    void sendsAFirstRelapseBackToQuarantineForTheRelapseHoldAndResetsTheCleanCount() {
        Mailboxes.Run run = given().restricted().clean(10).bounce(1);

        assertThat(run.status()).isEqualTo(QUARANTINE);
        assertThat(run.lastTransition().trigger()).isEqualTo("relapse");
        assertThat(run.state.cleanInPhase()).isZero();
        assertThat(run.state.cooldownUntil()).isEqualTo(run.tick + 20);
        run.dns(true);
        assertThat(run.status()).as("DNS during the relapse hold does not graduate").isEqualTo(QUARANTINE);
        run.tickTo(run.tick + 20).dns(true);
        assertThat(run.status()).isEqualTo(RESTRICTED_SEND);
    }

    @Test
    void pausesASecondRelapseForTheLongerCooldown() {
        Mailboxes.Run run = given().restricted().bounce(1);
        run.tickTo(run.state.cooldownUntil()).dns(true).bounce(1);

        assertThat(run.status()).isEqualTo(PAUSED);
        assertThat(run.state.relapses()).isEqualTo(2);
        assertThat(run.state.cooldownUntil()).isEqualTo(run.tick + 30);
        assertThat(run.state.manualReview()).isFalse();
    }

    @Test
    void flagsAThirdRelapseForManualReviewAndNeverGraduatesItAutomatically() {
        Mailboxes.Run run = given().restricted().bounce(1);
        run.tickTo(run.state.cooldownUntil()).dns(true).bounce(1);
        run.tickTo(run.state.cooldownUntil()).dns(true).clean(3).bounce(1);

        assertThat(run.status()).isEqualTo(PAUSED);
        assertThat(run.state.relapses()).isEqualTo(3);
        assertThat(run.state.cooldownUntil()).isEqualTo(run.tick + 70);
        assertThat(run.state.manualReview()).isTrue();
        assertThat(run.lastTransition().reason()).contains("manual review");
        run.tickTo(run.tick + 1000);
        assertThat(run.status()).isEqualTo(PAUSED);
    }

    @Test
    void graduatesFromWarmRecoveryAfterFiftyCleanSendsAndThreeDaysInPhase() {
        Mailboxes.Run run = given().warmRecovering();
        long entered = run.tick;
        run.clean(50);
        assertThat(run.status()).as("three days not yet over").isEqualTo(WARM_RECOVERY);
        run.tickTo(entered + 29);
        assertThat(run.status()).isEqualTo(WARM_RECOVERY);

        run.tickTo(entered + 30);

        assertThat(run.status()).isEqualTo(HEALTHY);
        assertThat(run.lastTransition().trigger()).isEqualTo("graduation");
        assertThat(run.state.relapses()).isZero();
    }

    @Test
    void waitsForFiftyCleanSendsInWarmRecoveryEvenAfterThreeDays() {
        Mailboxes.Run run = given().warmRecovering();
        run.tickTo(run.tick + 40).clean(49);
        assertThat(run.status()).isEqualTo(WARM_RECOVERY);

        run.clean(1);

        assertThat(run.status()).isEqualTo(HEALTHY);
    }

    @Test
    void relapsesInWarmRecoveryWhenTheBounceRateReachesTwoPercent() {
        Mailboxes.Run run = given().warmRecovering().clean(10).bounce(1);

        assertThat(run.status()).isEqualTo(QUARANTINE);
        assertThat(run.lastTransition().reason()).contains("2.0%");
    }

    @Test
    void toleratesOneBounceInWarmRecoveryWhileTheRateStaysBelowTwoPercent() {
        Mailboxes.Run run = given().warmRecovering().clean(99).bounce(1);

        assertThat(run.status()).isEqualTo(WARM_RECOVERY);
        run.tickTo(run.tick + 30);
        assertThat(run.status()).isEqualTo(HEALTHY);
    }

    @Test
    void rampsTheWarmRecoveryLimitByFivePerDay() {
        Mailboxes.Run run = given().warmRecovering();
        long entered = run.tick;

        assertThat(WarmupLimits.of(run.state, entered, run.policy)).isEqualTo(50);
        assertThat(WarmupLimits.of(run.state, entered + 10, run.policy)).isEqualTo(55);
        assertThat(WarmupLimits.of(run.state, entered + 25, run.policy)).isEqualTo(60);
    }

    @Test
    void imposesZeroWhilePausedOrQuarantinedAndNoLimitWhenHealthy() {
        Mailboxes.Run run = given().register();
        assertThat(WarmupLimits.of(run.state, 0, run.policy)).isEqualTo(WarmupLimits.NONE);
        run.bounce(5);
        assertThat(WarmupLimits.of(run.state, 0, run.policy)).isZero();
        run.tickTo(10);
        assertThat(WarmupLimits.of(run.state, 10, run.policy)).isZero();
    }

    @Test
    void graduatesAWarmingMailboxAfterItsCleanSendsAndDays() {
        Mailboxes.Run run = given().apply(new MailboxCommand.Register("a@acme.test", "acme.test", true, 0)).clean(20);
        assertThat(run.status()).isEqualTo(WARMING);

        run.tickTo(30);

        assertThat(run.status()).isEqualTo(HEALTHY);
    }

    @Test
    void pausesAWarmingMailboxOnTheBounceThreshold() {
        Mailboxes.Run run = given().apply(new MailboxCommand.Register("a@acme.test", "acme.test", true, 0)).bounce(5);

        assertThat(run.path()).containsExactly("warming", "warning", "paused");
    }

    @Test
    void freezesASendingMailboxWhenItsDomainPausesAndRestoresItsPhaseWhenItRecovers() {
        Mailboxes.Run run = given().warmRecovering().clean(7);

        run.apply(new MailboxCommand.DomainCascade(true, "domain acme.test paused", run.tick));
        assertThat(run.status()).isEqualTo(PAUSED);
        assertThat(run.lastTransition().trigger()).isEqualTo("domain_cascade");
        run.tickTo(run.tick + 500);
        assertThat(run.status()).as("no cooldown graduation while frozen").isEqualTo(PAUSED);

        run.apply(new MailboxCommand.DomainCascade(false, "domain acme.test recovered", run.tick));
        assertThat(run.status()).isEqualTo(WARM_RECOVERY);
        assertThat(run.state.cleanInPhase()).isEqualTo(7);
    }

    @Test
    void leavesAQuarantinedMailboxInPlaceButHoldsItsDnsGraduationWhileTheDomainIsPaused() {
        Mailboxes.Run run = given().quarantined();

        run.apply(new MailboxCommand.DomainCascade(true, "domain paused", run.tick)).dns(true);
        assertThat(run.status()).isEqualTo(QUARANTINE);

        run.apply(new MailboxCommand.DomainCascade(false, "domain recovered", run.tick)).dns(true);
        assertThat(run.status()).isEqualTo(RESTRICTED_SEND);
    }

    @Test
    void walksTheWholePipelineFromHealthyBackToHealthy() {
        Mailboxes.Run run = given().warmRecovering().tickTo(200).clean(50);

        assertThat(run.path()).containsExactly("healthy", "warning", "paused", "quarantine", "restricted_send",
                "warm_recovery", "healthy");
    }
}
