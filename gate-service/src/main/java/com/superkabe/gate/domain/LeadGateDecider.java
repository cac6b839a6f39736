package com.superkabe.gate.domain;

import java.util.List;

/**
 * From the checks' decision to what happens to the lead, as a pure function of the decision, the
 * organization's mode, the lead's failed attempts so far, the retry policy and the logical tick:
 * modes soften risk judgements (never a SYNC_ISSUE: a campaign or mailbox the gate has never heard
 * of is not a judgement, and letting the lead through would enrol it into nothing); the failure
 * class picks the next state; INFRA_ISSUE spends the retry budget. ADR 0009.
 */
public final class LeadGateDecider {

    private LeadGateDecider() {
    }

    public static LeadOutcome decide(String leadId, GateDecision decision, Mode mode, int attempts, RetryPolicy retry,
                                     long tick) {
        return switch (decision) {
            case GateDecision.Allowed a -> new LeadOutcome.Allow(a.checks(), a.warnings(), null, null, attempts);
            case GateDecision.Blocked b when !mode.blocks() && b.failureClass() != FailureClass.SYNC_ISSUE ->
                    new LeadOutcome.Allow(b.checks(), List.of(), b, (mode == Mode.SUGGEST ? "Recommendation: block. "
                            : "Observed: ") + b.reason(), attempts);
            case GateDecision.Blocked b -> block(leadId, b, attempts, retry, tick);
        };
    }

    private static LeadOutcome.Block block(String leadId, GateDecision.Blocked b, int attempts, RetryPolicy retry,
                                           long tick) {
        return switch (b.failureClass()) {
            case SYNC_ISSUE -> new LeadOutcome.Block(b.failureClass(), b.reason(), b.checks(), LeadGateState.HELD,
                    attempts, null);
            case HEALTH_ISSUE -> new LeadOutcome.Block(b.failureClass(), b.reason()
                    + " Manual intervention required: release the lead once the mailboxes recover.", b.checks(),
                    LeadGateState.PAUSED, attempts, null);
            case INFRA_ISSUE -> {
                int attempt = attempts + 1;
                if (retry.allowsAnother(attempt)) {
                    long next = retry.nextAttemptTick(leadId, attempt, tick);
                    yield new LeadOutcome.Block(b.failureClass(), b.reason() + " Attempt " + attempt + " of "
                            + retry.maxAttempts() + "; next at tick " + next + ".", b.checks(), LeadGateState.RETRYING,
                            attempt, next);
                }
                yield new LeadOutcome.Block(b.failureClass(), b.reason() + " Retries exhausted after " + attempt
                        + " attempts; lead paused for an operator.", b.checks(), LeadGateState.PAUSED, attempt, null);
            }
        };
    }
}
