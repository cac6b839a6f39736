package com.superkabe.gate.application;

import com.superkabe.gate.domain.Mode;
import com.superkabe.gate.domain.RetryPolicy;

/**
 * The gate's tunables: the mode of an organization that never set one, the INFRA_ISSUE retry
 * policy, and how many ticks the protection view may lag the gate's clock before it is stale.
 */
public record GateSettings(Mode defaultMode, RetryPolicy retry, long staleAfterTicks) {
}
