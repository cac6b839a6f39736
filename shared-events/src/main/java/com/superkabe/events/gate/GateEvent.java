package com.superkabe.events.gate;

import com.superkabe.events.SuperkabeEvent;

/** Execution-gate decisions for one lead's enrollment into one campaign. */
public sealed interface GateEvent extends SuperkabeEvent permits LeadGateAllowed, LeadGateBlocked {
}
