package com.superkabe.gate.domain;

import com.superkabe.events.gate.CheckOutcome;
import java.util.List;

/** The outcome of the ordered checks; every check is listed, later ones as N/A after a failure. */
public sealed interface GateDecision {

    List<CheckOutcome> checks();

    record Allowed(List<CheckOutcome> checks) implements GateDecision {
    }

    record Blocked(FailureClass failureClass, String reason, List<CheckOutcome> checks) implements GateDecision {
    }
}
