package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * The policy gate did not allow {@code step}: which policy, why, and what it did ({@code action}).
 * Recorded with the same fidelity as a step, once per (policy, reason) while the step is held.
 */
public record RunPolicyHeld(String orgId, String runId, int step, SendPolicy policy, String reason,
                            PolicyAction action, long tick) implements RunEvent {
    public RunPolicyHeld {
        Require.text(runId, "runId");
        Require.text(reason, "reason");
        if (policy == null || action == null) {
            throw new IllegalArgumentException("policy and action are required");
        }
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
