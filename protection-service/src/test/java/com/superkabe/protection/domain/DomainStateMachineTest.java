package com.superkabe.protection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainStateMachineTest {

    private static final ProtectionPolicy P = Mailboxes.POLICY;
    private static final DomainState HEALTHY = DomainState.healthy("org-1", "acme.test");

    private static DomainState in(DomainStatus s, int total, int unhealthy) {
        return new DomainState("org-1", "acme.test", s, total, unhealthy);
    }

    @Test
    void warnsAtThirtyPercentOfItsMailboxesUnhealthy() {
        DomainDecision d = DomainDecider.evaluate(HEALTHY, 10, 3, 7, P);

        assertThat(d.state().status()).isEqualTo(DomainStatus.WARNING);
        assertThat(d.transition()).hasValueSatisfying(t -> {
            assertThat(t.reason()).isEqualTo("3 of 10 mailboxes unhealthy (30%)");
            assertThat(t.tick()).isEqualTo(7);
        });
    }

    @Test
    void staysHealthyAtTwentyPercent() {
        assertThat(DomainDecider.evaluate(HEALTHY, 10, 2, 7, P).transition()).isEmpty();
    }

    @Test
    void warnsAtOneOfThreeMailboxes() {
        assertThat(DomainDecider.evaluate(HEALTHY, 3, 1, 7, P).state().status()).isEqualTo(DomainStatus.WARNING);
    }

    @Test
    void pausesFromWarningAtFiftyPercent() {
        DomainDecision d = DomainDecider.evaluate(in(DomainStatus.WARNING, 10, 3), 10, 5, 7, P);

        assertThat(d.state().status()).isEqualTo(DomainStatus.PAUSED);
        assertThat(d.transition().orElseThrow().canSend()).isFalse();
    }

    @Test
    void pausesFromHealthyWhenHalfFailAtOnce() {
        assertThat(DomainDecider.evaluate(HEALTHY, 4, 2, 7, P).state().status()).isEqualTo(DomainStatus.PAUSED);
    }

    @Test
    void recoversFromWarningBelowFifteenPercentAndNotAbove() {
        DomainState warning = in(DomainStatus.WARNING, 10, 3);
        assertThat(DomainDecider.evaluate(warning, 10, 2, 7, P).transition()).isEmpty();

        DomainDecision d = DomainDecider.evaluate(warning, 10, 1, 7, P);

        assertThat(d.state().status()).isEqualTo(DomainStatus.HEALTHY);
        assertThat(d.transition().orElseThrow().trigger()).isEqualTo("window_recovered");
    }

    @Test
    void recoversFromPausedOnlyBelowFifteenPercent() {
        DomainState paused = in(DomainStatus.PAUSED, 10, 5);
        assertThat(DomainDecider.evaluate(paused, 10, 3, 7, P).transition()).isEmpty();

        assertThat(DomainDecider.evaluate(paused, 10, 1, 7, P).state().status()).isEqualTo(DomainStatus.HEALTHY);
    }

    @Test
    void usesAbsoluteCountsBelowThreeMailboxes() {
        assertThat(DomainDecider.evaluate(HEALTHY, 2, 1, 7, P).state().status()).isEqualTo(DomainStatus.WARNING);
        assertThat(DomainDecider.evaluate(HEALTHY, 2, 2, 7, P).state().status()).isEqualTo(DomainStatus.PAUSED);
        assertThat(DomainDecider.evaluate(HEALTHY, 1, 1, 7, P).state().status()).isEqualTo(DomainStatus.WARNING);
        assertThat(DomainDecider.evaluate(in(DomainStatus.PAUSED, 2, 2), 2, 0, 7, P).state().status())
                .isEqualTo(DomainStatus.HEALTHY);
    }

    @Test
    void pausesTheDomainWhenTheCorrelationCheckFindsFailingSiblings() {
        DomainDecision d = DomainDecider.correlationPause(HEALTHY, 2, 7);

        assertThat(d.state().status()).isEqualTo(DomainStatus.PAUSED);
        assertThat(d.transition().orElseThrow().trigger()).isEqualTo("correlation");
    }

    @Test
    void refusesAnEarlyOperatorRecoveryWithoutForceAndWarnsWhenForced() {
        DomainState paused = in(DomainStatus.PAUSED, 10, 5);

        assertThat(DomainDecider.operator(paused, DomainStatus.HEALTHY, "fixed", "apikey:x", false, 7, P).rejection())
                .contains("needs force");
        DomainDecision forced = DomainDecider.operator(paused, DomainStatus.HEALTHY, "fixed", "apikey:x", true, 7, P);
        assertThat(forced.state().status()).isEqualTo(DomainStatus.HEALTHY);
        assertThat(forced.transition().orElseThrow().warning()).contains("5 of 10 mailboxes are still unhealthy");
        assertThat(DomainDecider.operator(HEALTHY, DomainStatus.PAUSED, "maintenance", "apikey:x", false, 7, P)
                .transition()).isPresent();
    }

    @Test
    void countsOnlyFailingMailboxesAndFrozenOnesByTheirOwnHealth() {
        Mailboxes.Run paused = Mailboxes.given().paused();
        Mailboxes.Run frozen = Mailboxes.given().register();
        frozen.apply(new MailboxCommand.DomainCascade(true, "x", 0));

        assertThat(DomainState.unhealthy(paused.state)).isTrue();
        assertThat(DomainState.unhealthy(frozen.state)).isFalse();
        assertThat(DomainState.unhealthy(Mailboxes.given().quarantined().state)).isFalse();
    }

    @Test
    void putsAConcentratedSharedSpikeAtProviderScope() {
        Optional<RecipientEsp> dominant = Correlation.dominantEsp(java.util.Map.of(RecipientEsp.GMAIL, 5), P);

        assertThat(Correlation.classify(dominant, 3, 0, P).scope()).isEqualTo(Correlation.Scope.PROVIDER);
        assertThat(Correlation.classify(dominant, 1, 0, P).scope()).isEqualTo(Correlation.Scope.MAILBOX);
        assertThat(Correlation.dominantEsp(java.util.Map.of(RecipientEsp.OTHER, 5), P)).isEmpty();
    }

    @Test
    void putsFailingSiblingsAtDomainScopeAndALoneFailureAtMailboxScope() {
        Optional<RecipientEsp> mixed = Correlation.dominantEsp(
                java.util.Map.of(RecipientEsp.GMAIL, 3, RecipientEsp.OTHER, 2), P);

        assertThat(mixed).isEmpty();
        assertThat(Correlation.classify(mixed, 5, 2, P).scope()).isEqualTo(Correlation.Scope.DOMAIN);
        assertThat(Correlation.classify(mixed, 5, 1, P).scope()).isEqualTo(Correlation.Scope.MAILBOX);
    }
}
