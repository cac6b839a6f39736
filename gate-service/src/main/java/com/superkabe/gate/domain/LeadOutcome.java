package com.superkabe.gate.domain;

import com.superkabe.events.gate.CheckOutcome;
import java.util.List;

/**
 * What the gate does with one lead: the checks' decision after the organization's mode, the
 * lead's next state, its attempt count and, when retrying, the tick of its next attempt.
 */
public sealed interface LeadOutcome {

    LeadGateState next();

    int attempts();

    /**
     * Allowed. {@code observed} is the block the mode softened (null when the checks passed), and
     * {@code reason} says so ("Observed: …" or "Recommendation: block. …").
     */
    record Allow(List<CheckOutcome> checks, List<String> warnings, GateDecision.Blocked observed, String reason,
                 int attempts) implements LeadOutcome {
        public Allow {
            checks = List.copyOf(checks);
            warnings = List.copyOf(warnings);
        }

        @Override
        public LeadGateState next() {
            return LeadGateState.ACTIVE;
        }
    }

    /** Blocked; {@code reason} is the check's reason plus what happens next (retry, operator). */
    record Block(FailureClass failureClass, String reason, List<CheckOutcome> checks, LeadGateState next,
                 int attempts, Long nextTick) implements LeadOutcome {
        public Block {
            checks = List.copyOf(checks);
        }
    }
}
