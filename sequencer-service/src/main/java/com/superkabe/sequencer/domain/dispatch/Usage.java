package com.superkabe.sequencer.domain.dispatch;

import java.time.Instant;
import java.util.Map;

/**
 * What has already been sent, as counted from the sequencer's own SendRequested history: per mailbox
 * in its UTC day, per campaign and per (campaign, mailbox) in the campaign's day, and each mailbox's
 * last send. Missing entries are zero / never.
 */
public record Usage(Map<String, Integer> mailboxSentToday, Map<String, Integer> campaignSentToday,
                    Map<String, Integer> campaignMailboxSentToday, Map<String, Instant> lastSendAt) {

    public static final Usage NONE = new Usage(Map.of(), Map.of(), Map.of(), Map.of());

    public Usage {
        mailboxSentToday = Map.copyOf(mailboxSentToday);
        campaignSentToday = Map.copyOf(campaignSentToday);
        campaignMailboxSentToday = Map.copyOf(campaignMailboxSentToday);
        lastSendAt = Map.copyOf(lastSendAt);
    }

    /** The key of a (campaign, mailbox) pair in {@link #campaignMailboxSentToday}. */
    public static String pair(String campaignId, String mailboxId) {
        return campaignId + "\u0000" + mailboxId;
    }
}
