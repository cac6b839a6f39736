package com.superkabe.events.protection;

import com.superkabe.events.Require;

/**
 * The daily send limit protection imposes on a mailbox in its current phase: the sequencer's
 * fourth cap ({@code Mailbox.warmup_limit}). {@code limited} false means protection imposes no
 * cap (healthy, warning) and {@code dailyLimit} is then -1; paused and quarantine are 0,
 * restricted_send 10, warm_recovery 50 plus 5 per logical day in the phase, warming a ramp.
 * Published whenever the limit changes, at the tick it takes effect.
 */
public record MailboxWarmupLimitSet(String orgId, String mailboxId, String state, boolean limited, int dailyLimit,
                                    long tick, String reason) implements MailboxProtectionEvent {
    public MailboxWarmupLimitSet {
        Require.text(orgId, "orgId");
        Require.text(mailboxId, "mailboxId");
        Require.text(state, "state");
        if (limited && dailyLimit < 0) {
            throw new IllegalArgumentException("a limited mailbox needs dailyLimit >= 0");
        }
    }
}
