package com.superkabe.sequencer.domain.dispatch;

import java.time.Instant;
import java.util.Map;

/**
 * What has already been sent, as counted from the sequencer's own SendRequested history: per mailbox
 * in its UTC day, per campaign and per (campaign, mailbox) in the campaign's day, each mailbox's last
 * send, and the instant before which each mailbox may not send again (fixed by the gap of the
 * campaign that sent, when it sent). Missing entries are zero / never.
 */
public record Usage(Map<String, Integer> mailboxSentToday, Map<String, Integer> campaignSentToday,
                    Map<String, Integer> campaignMailboxSentToday, Map<String, Instant> lastSendAt,
                    Map<String, Instant> nextSendAt) {

    public static final Usage NONE = new Usage(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public Usage {
        mailboxSentToday = Map.copyOf(mailboxSentToday);
        campaignSentToday = Map.copyOf(campaignSentToday);
        campaignMailboxSentToday = Map.copyOf(campaignMailboxSentToday);
        lastSendAt = Map.copyOf(lastSendAt);
        nextSendAt = Map.copyOf(nextSendAt);
    }

    /** Usage without any gap fixed by earlier sends. */
    public Usage(Map<String, Integer> mailboxSentToday, Map<String, Integer> campaignSentToday,
                 Map<String, Integer> campaignMailboxSentToday, Map<String, Instant> lastSendAt) {
        this(mailboxSentToday, campaignSentToday, campaignMailboxSentToday, lastSendAt, Map.of());
    }

    /** The key of a (sending domain, consumer provider) pair of the bulk-sender budget. */
    public static String bulkKey(String sendingDomain, com.superkabe.events.lead.RecipientEsp consumerEsp) {
        return sendingDomain + "\u0000" + consumerEsp.name();
    }

    /** The key of a (campaign, mailbox) pair in {@link #campaignMailboxSentToday}. */
    public static String pair(String campaignId, String mailboxId) {
        return campaignId + "\u0000" + mailboxId;
    }
}
