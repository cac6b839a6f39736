package com.superkabe.gate.domain;

import com.superkabe.events.gate.CheckOutcome;
import java.util.List;

/** The outcome of the ordered checks; every check is listed, later ones as N/A after a failure. */
public sealed interface GateDecision {

    List<CheckOutcome> checks();

    /** Passed; {@code warnings} are HARD_RISK_WARNING / SOFT_WARNING notes recorded for monitoring. */
    record Allowed(List<CheckOutcome> checks, List<String> warnings) implements GateDecision {
        public Allowed {
            checks = List.copyOf(checks);
            warnings = List.copyOf(warnings);
        }
    }

    record Blocked(FailureClass failureClass, String reason, List<CheckOutcome> checks) implements GateDecision {
        public Blocked {
            checks = List.copyOf(checks);
        }
    }
}
