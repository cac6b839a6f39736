/**
 * The gate's decisions re-made from topic history alone (ADR 0047): every {@code LeadGateChecked} on
 * {@code superkabe.gate-checks} decided again by the pure decider with the replay's own memory of
 * each (lead, campaign) pair, and compared with what the gate published on
 * {@code superkabe.gate-decisions}. Used by the golden history tests and meant for the operator CLI's
 * {@code verify --service gate}.
 */
package com.superkabe.gate.application.replay;
