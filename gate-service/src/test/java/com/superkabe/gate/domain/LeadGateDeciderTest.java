package com.superkabe.gate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.gate.CheckOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadGateDeciderTest {

    static final List<CheckOutcome> CHECKS = List.of(new CheckOutcome("campaign", "PASS", "active"));
    static final RetryPolicy RETRY = new RetryPolicy(1, 30, 3);

    static GateDecision.Blocked blocked(FailureClass fc) {
        return new GateDecision.Blocked(fc, "Mailbox mb-1 is paused.", CHECKS);
    }

    @Test
    void aPassingLeadIsActiveWithItsWarningsAndNoObservedBlock() {
        LeadOutcome o = LeadGateDecider.decide("lead-1", new GateDecision.Allowed(CHECKS, List.of("SOFT_WARNING")),
                Mode.ENFORCE, 0, RETRY, 10);

        assertThat(o).isEqualTo(new LeadOutcome.Allow(CHECKS, List.of("SOFT_WARNING"), null, null, 0));
    }

    @Test
    void observeModeLetsAHealthIssueThroughAndSaysWhatItObserved() {
        LeadOutcome o = LeadGateDecider.decide("lead-1", blocked(FailureClass.HEALTH_ISSUE), Mode.OBSERVE, 0, RETRY,
                10);

        assertThat(o).isInstanceOfSatisfying(LeadOutcome.Allow.class, a -> {
            assertThat(a.observed().failureClass()).isEqualTo(FailureClass.HEALTH_ISSUE);
            assertThat(a.reason()).isEqualTo("Observed: Mailbox mb-1 is paused.");
            assertThat(a.next()).isEqualTo(LeadGateState.ACTIVE);
        });
    }

    @Test
    void suggestModeRecordsARecommendationToBlock() {
        LeadOutcome o = LeadGateDecider.decide("lead-1", blocked(FailureClass.INFRA_ISSUE), Mode.SUGGEST, 2, RETRY, 10);

        assertThat(((LeadOutcome.Allow) o).reason()).startsWith("Recommendation: block. ");
        assertThat(o.attempts()).isEqualTo(2);
    }

    @Test
    void noModeLetsALeadThroughToACampaignTheGateHasNeverHeardOf() {
        LeadOutcome o = LeadGateDecider.decide("lead-1", blocked(FailureClass.SYNC_ISSUE), Mode.OBSERVE, 0, RETRY, 10);

        assertThat(o).isEqualTo(new LeadOutcome.Block(FailureClass.SYNC_ISSUE, "Mailbox mb-1 is paused.", CHECKS,
                LeadGateState.HELD, 0, null));
    }

    @Test
    void aHealthIssueInEnforcePausesTheLeadForAnOperator() {
        LeadOutcome.Block b = (LeadOutcome.Block) LeadGateDecider.decide("lead-1", blocked(FailureClass.HEALTH_ISSUE),
                Mode.ENFORCE, 0, RETRY, 10);

        assertThat(b.next()).isEqualTo(LeadGateState.PAUSED);
        assertThat(b.reason()).endsWith("Manual intervention required: release the lead once the mailboxes recover.");
    }

    @Test
    void anInfraIssueRetriesOnTheClockUntilTheBudgetIsSpentThenPauses() {
        LeadOutcome.Block first = (LeadOutcome.Block) LeadGateDecider.decide("lead-1", blocked(FailureClass.INFRA_ISSUE),
                Mode.ENFORCE, 0, RETRY, 10);
        LeadOutcome.Block last = (LeadOutcome.Block) LeadGateDecider.decide("lead-1", blocked(FailureClass.INFRA_ISSUE),
                Mode.ENFORCE, 2, RETRY, 20);

        assertThat(first.next()).isEqualTo(LeadGateState.RETRYING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextTick()).isEqualTo(RETRY.nextAttemptTick("lead-1", 1, 10));
        assertThat(first.reason()).endsWith("Attempt 1 of 3; next at tick " + first.nextTick() + ".");
        assertThat(last.next()).isEqualTo(LeadGateState.PAUSED);
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(last.nextTick()).isNull();
        assertThat(last.reason()).endsWith("Retries exhausted after 3 attempts; lead paused for an operator.");
    }

    @Test
    void theSameInputsGiveTheSameOutcome() {
        assertThat(LeadGateDecider.decide("lead-9", blocked(FailureClass.INFRA_ISSUE), Mode.ENFORCE, 1, RETRY, 5))
                .isEqualTo(LeadGateDecider.decide("lead-9", blocked(FailureClass.INFRA_ISSUE), Mode.ENFORCE, 1, RETRY, 5));
    }
}
