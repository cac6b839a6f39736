package com.superkabe.protection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.protection.MailboxCorrelationChecked;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The correlation check decided from its recorded counts alone (ADR 0063). */
class CorrelationTest {

    private static final ProtectionPolicy P = Mailboxes.POLICY;
    private static final DomainState WARNING = new DomainState("org-1", "acme.test", DomainStatus.WARNING, 8, 2);

    private final Mailboxes.Run run = Mailboxes.given().register().bounce(4);
    private final MailboxState before = run.state;
    private final MailboxCommand.RecordOutcome fifth = new MailboxCommand.RecordOutcome(OutcomeClass.COUNTED_BOUNCE,
            RecipientEsp.GMAIL, 7, false);
    private final MailboxDecision breached = MailboxDecider.decide(before, fifth, P);

    @Test
    void twoFailingSiblingsPauseTheDomainCountedWithTheFailingMailboxInItsNewState() {
        Correlation.Outcome o = Correlation.decide(before, breached, fifth,
                new Correlation.Counts(Optional.empty(), 0, 7, 2), WARNING, P);

        assertThat(breached.pauseBreached()).isTrue();
        assertThat(o.verdict().scope()).isEqualTo(Correlation.Scope.DOMAIN);
        assertThat(o.mailbox()).isSameAs(breached);
        DomainDecision domain = o.domain().orElseThrow();
        assertThat(domain.state().status()).isEqualTo(DomainStatus.PAUSED);
        assertThat(domain.state().mailboxes()).isEqualTo(8);
        assertThat(domain.state().unhealthy()).isEqualTo(3);
        assertThat(domain.transition().orElseThrow().trigger()).isEqualTo("correlation");
    }

    @Test
    void oneFailingSiblingLeavesTheMailboxToFailAlone() {
        Correlation.Outcome o = Correlation.decide(before, breached, fifth,
                new Correlation.Counts(Optional.empty(), 0, 7, 1), WARNING, P);

        assertThat(o.verdict().scope()).isEqualTo(Correlation.Scope.MAILBOX);
        assertThat(o.mailbox().state().status()).isEqualTo(MailboxStatus.PAUSED);
        assertThat(o.domain()).isEmpty();
    }

    @Test
    void bouncesOnOneEspSharedByThreeMailboxesSpareTheMailbox() {
        Correlation.Outcome o = Correlation.decide(before, breached, fifth,
                new Correlation.Counts(Optional.of(RecipientEsp.GMAIL), 3, 7, 2), WARNING, P);

        assertThat(o.verdict().scope()).isEqualTo(Correlation.Scope.PROVIDER);
        assertThat(o.mailbox().state().status()).isNotEqualTo(MailboxStatus.PAUSED);
        assertThat(o.domain()).isEmpty();
    }

    @Test
    void aMailboxWithoutADomainIsNeverADomainFailure() {
        Correlation.Outcome o = Correlation.decide(before, breached, fifth,
                new Correlation.Counts(Optional.empty(), 0, 0, 2), null, P);

        assertThat(o.verdict().scope()).isEqualTo(Correlation.Scope.MAILBOX);
    }

    @Test
    void theRecordCarriesTheCountsItIsDecidedFrom() {
        Correlation.Counts counts = new Correlation.Counts(Optional.of(RecipientEsp.YAHOO), 2, 4, 1);

        MailboxCorrelationChecked recorded = counts.recorded(breached.state(), 7);

        assertThat(recorded.dominantEsp()).isEqualTo("YAHOO");
        assertThat(recorded.tick()).isEqualTo(7);
        assertThat(recorded.domain()).isEqualTo("acme.test");
        assertThat(Correlation.Counts.of(recorded)).isEqualTo(counts);
    }
}
