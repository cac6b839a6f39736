package com.superkabe.events.dispatch;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.lead.RecipientEsp;

/**
 * The sequencer changed how fast one mailbox may send to one recipient ESP (ADR 0019, adaptive ESP
 * throttling): a 4xx deferral from that ESP halves the mailbox's hourly rate to it ({@code level} up by
 * one), and each {@code recoveryTicks} without a deferral doubles it back ({@code level} down by one).
 * {@code hourlyLimit}: sends per 60 ticks from the mailbox to the ESP while throttled; absent when
 * {@code level} is 0 (not throttled). {@code reason} says what happened.
 */
public record MailboxEspThrottleChanged(String orgId, String mailboxId, RecipientEsp esp, int level,
                                        Integer hourlyLimit, String reason, long tick) implements SuperkabeEvent {
    public MailboxEspThrottleChanged {
        Require.text(mailboxId, "mailboxId");
        Require.text(reason, "reason");
        if (esp == null) {
            throw new IllegalArgumentException("esp is required");
        }
        if (level < 0 || (level > 0) != (hourlyLimit != null) || hourlyLimit != null && hourlyLimit < 1) {
            throw new IllegalArgumentException("a throttled level has an hourly limit >= 1, level 0 has none");
        }
    }

    @Override
    public String subject() {
        return mailboxId;
    }

    @Override
    public String partitionKey() {
        return mailboxId;
    }
}
