package com.superkabe.gate.domain;

/**
 * Where a lead stands at the gate after a decision: ACTIVE (allowed, handed to the sequencer),
 * HELD (SYNC_ISSUE: re-evaluated when the missing campaign or mailbox arrives), PAUSED (an operator
 * must release it), RETRYING (INFRA_ISSUE: re-evaluated at {@code nextTick}).
 */
public enum LeadGateState { ACTIVE, HELD, PAUSED, RETRYING }
