package com.superkabe.protection.domain;

import static com.superkabe.protection.domain.Mailboxes.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Given/when/then for the complaint rate (ADR 0026): 0.1 % warns, 0.3 % pauses, over the last 7 days
 * of the logical clock (here 10 ticks a day), rated over at least 500 sends.
 */
class ComplaintRateTest {

    private static final ProtectionPolicy P = Mailboxes.POLICY;

    @Test
    void warnsAMailboxWhoseComplaintsReachOnePermilleOfItsSends() {
        Mailboxes.Run r = given().register().clean(1000);

        r.complaint(1);

        assertThat(r.status()).isEqualTo(MailboxStatus.WARNING);
        assertThat(r.lastTransition().trigger()).isEqualTo("complaint_rate");
        assertThat(r.lastTransition().reason()).contains("1 complaint in 1000 sends over 7 days: 0.1%")
                .contains("warning at 0.1%, pause at 0.3%");
    }

    @Test
    void pausesAMailboxAtThreePermilleAsAnOffenceWithItsCooldown() {
        Mailboxes.Run r = given().register().clean(1000);

        r.complaint(3);

        assertThat(r.path()).containsExactly("healthy", "warning", "paused");
        assertThat(r.lastTransition().trigger()).isEqualTo("complaint_rate");
        assertThat(r.lastTransition().reason()).contains("3 complaints in 1000 sends over 7 days: 0.3%")
                .contains("offence 1");
        assertThat(r.state.cooldownUntil()).isEqualTo(r.tick + P.cooldownFor(1));
    }

    @Test
    void oneComplaintInTenSendsWarnsButDoesNotPauseAFreshMailbox() {
        Mailboxes.Run r = given().register().clean(10);

        r.complaint(1);

        assertThat(r.status()).isEqualTo(MailboxStatus.WARNING);
        assertThat(r.lastTransition().reason()).contains("1 complaint in 10 sends over 7 days: 0.2%")
                .contains("rated over the minimum of 500 sends");
    }

    @Test
    void twoComplaintsInTenSendsPauseAFreshMailbox() {
        Mailboxes.Run r = given().register().clean(10);

        r.complaint(2);

        assertThat(r.status()).isEqualTo(MailboxStatus.PAUSED);
    }

    @Test
    void aCleanBounceWindowDoesNotLiftAWarningTheComplaintRateStillHolds() {
        Mailboxes.Run r = given().register().clean(1000).complaint(2);

        r.clean(20);

        assertThat(r.status()).isEqualTo(MailboxStatus.WARNING);
    }

    @Test
    void aWarningLiftsWhenMoreSendsBringTheRateBelowOnePermille() {
        Mailboxes.Run r = given().register().clean(1000).complaint(1);

        r.clean(20);

        assertThat(r.status()).isEqualTo(MailboxStatus.HEALTHY);
        assertThat(r.lastTransition().reason()).contains("complaint rate 1 complaint in 1001 sends");
    }

    @Test
    void aWarningLiftsOnceTheComplaintsLeaveTheSevenDayWindow() {
        Mailboxes.Run r = given().register().clean(1000).complaint(1);
        r.tick = 80; // eight days of 10 ticks later

        r.clean(1);

        assertThat(r.status()).isEqualTo(MailboxStatus.HEALTHY);
        assertThat(r.lastTransition().trigger()).isEqualTo("window_recovered");
    }

    @Test
    void aPausedMailboxCountsItsOwnRateAfreshSoItIsNotPausedAgainForTheSameComplaints() {
        Mailboxes.Run r = given().register().clean(1000).complaint(3);
        long pausedAt = r.tick;

        assertThat(r.state.complaints().own(pausedAt + 10, P).complaints()).isZero();
        assertThat(r.state.complaints().figures(pausedAt + 10, P, -1).complaints()).isEqualTo(3);
    }

    @Test
    void aComplaintInAHealingPhaseIsCountedButDecidesNothing() {
        Mailboxes.Run r = given().restricted();

        r.complaint(5);

        assertThat(r.status()).isEqualTo(MailboxStatus.RESTRICTED_SEND);
        assertThat(r.state.complaints().own(r.tick, P).complaints()).isEqualTo(5);
    }

    @Test
    void anOrganizationsOwnLinesDecide() {
        ProtectionPolicy strict = new PolicyOverrides(null, null, null, null, null, null,
                new java.math.BigDecimal("0.05"), new java.math.BigDecimal("0.1"), 100, 30).applyTo(P);
        Mailboxes.Run r = new Mailboxes.Run(strict).register().clean(1000);

        r.complaint(1);

        assertThat(r.status()).isEqualTo(MailboxStatus.PAUSED);
        assertThat(r.lastTransition().reason()).contains("over 30 days").contains("pause at 0.1%");
    }

    @Test
    void theSameCommandsGiveTheSameDecisions() {
        List<Transition> first = given().register().clean(700).complaint(1).clean(300).complaint(2).transitions;
        List<Transition> second = given().register().clean(700).complaint(1).clean(300).complaint(2).transitions;

        assertThat(second).isEqualTo(first);
    }

    @Test
    void pausesADomainAtThreePermilleAndHoldsItForTheFirstCooldown() {
        DomainState s = DomainState.healthy("org-1", "acme.test");

        DomainDecision d = DomainDecider.evaluate(s, 4, 0, 0, new ComplaintWindow.Figures(1000, 3, 7), 5, P);

        assertThat(d.state().status()).isEqualTo(DomainStatus.PAUSED);
        assertThat(d.transition()).hasValueSatisfying(t -> {
            assertThat(t.trigger()).isEqualTo("complaint_rate");
            assertThat(t.reason()).contains("3 complaints in 1000 sends").contains("held until tick 15");
        });
        assertThat(d.state().complaintHoldUntil()).isEqualTo(5 + P.cooldownFor(1));
        assertThat(d.state().complaintsSince()).isEqualTo(10);
    }

    @Test
    void aComplaintPausedDomainStaysPausedUntilItsHoldEndsThenRecovers() {
        DomainState paused = DomainDecider.evaluate(DomainState.healthy("org-1", "acme.test"), 4, 0, 0,
                new ComplaintWindow.Figures(1000, 3, 7), 5, P).state();
        ComplaintWindow.Figures quiet = new ComplaintWindow.Figures(0, 0, 7);

        assertThat(DomainDecider.evaluate(paused, 4, 0, 0, quiet, 14, P).state().status())
                .isEqualTo(DomainStatus.PAUSED);
        DomainDecision after = DomainDecider.evaluate(paused, 4, 0, 0, quiet, 15, P);
        assertThat(after.state().status()).isEqualTo(DomainStatus.HEALTHY);
    }

    @Test
    void warnsAHealthyDomainAtOnePermille() {
        DomainDecision d = DomainDecider.evaluate(DomainState.healthy("org-1", "acme.test"), 4, 0, 0,
                new ComplaintWindow.Figures(2000, 2, 7), 5, P);

        assertThat(d.state().status()).isEqualTo(DomainStatus.WARNING);
        assertThat(d.transition().orElseThrow().trigger()).isEqualTo("complaint_rate");
    }

    @Test
    void aRollingWindowDropsDaysOlderThanItsLength() {
        ComplaintWindow w = ComplaintWindow.EMPTY.complained(0, P).sent(5, P).sent(75, P);

        assertThat(w.days()).extracting(ComplaintWindow.Day::day).containsExactly(7L);
        assertThat(w.own(75, P)).isEqualTo(new ComplaintWindow.Figures(1, 0, 7));
    }
}
