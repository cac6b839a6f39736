/**
 * Facts decided by the protection layer: mailbox and domain state changes (every transition,
 * enforced or not), the warmup limit of a mailbox's current phase (the sequencer's fourth cap),
 * each organization's protection mode, recommendations made in SUGGEST mode and provider-scope
 * bounce spikes. State names are the lower-case names of the state machines: mailbox
 * {@code healthy, warning, warming, paused, quarantine, restricted_send, warm_recovery}; domain
 * {@code healthy, warning, paused}. Modes are {@code OBSERVE, SUGGEST, ENFORCE}.
 */
package com.superkabe.events.protection;
