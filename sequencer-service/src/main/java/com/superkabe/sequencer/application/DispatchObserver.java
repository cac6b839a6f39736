package com.superkabe.sequencer.application;

import com.superkabe.events.run.PolicyAction;
import com.superkabe.events.run.SendPolicy;
import com.superkabe.sequencer.domain.dispatch.HoldReason;
import java.util.Map;

/**
 * Port: what a tick's dispatch held and why, for metrics: superkabe_dispatch_holds_total by reason, and
 * superkabe_policy_denials_total by policy and action, one per evaluation the gate did not allow.
 */
public interface DispatchObserver {

    DispatchObserver NONE = (tick, held) -> { };

    void held(long tick, Map<HoldReason, Integer> held);

    /** The policy gate did not allow a step: {@code count} evaluations of this policy with this action. */
    default void denied(SendPolicy policy, PolicyAction action, int count) {
    }
}
