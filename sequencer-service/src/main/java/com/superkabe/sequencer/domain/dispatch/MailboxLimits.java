package com.superkabe.sequencer.domain.dispatch;

/**
 * What a mailbox imposes across all campaigns: its registered {@code daily_send_limit} (null: not
 * known here) and protection's warmup limit for a constrained phase (null: protection imposes none).
 * Both count sends per UTC day: mailboxes carry no time zone.
 */
public record MailboxLimits(Integer dailyLimit, Integer warmupLimit) {

    public static final MailboxLimits NONE = new MailboxLimits(null, null);
}
