package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Port: the sends this sequencer requested (one entry per {@code SendRequested}, written in the
 * same transaction), from which the daily caps and the send gap are counted. Being derived from the
 * sequencer's own decisions, replaying the inputs rebuilds it exactly. Ranges are [from, to). Each
 * read answers for many keys at once, so a page of due runs costs one query per kind of usage.
 */
public interface SendLedger {

    /**
     * One requested send, at the tick's logical instant; {@code nextSendAt}: the instant before which
     * its mailbox may not send again, fixed now by the sending campaign's gap and jitter.
     */
    record Entry(String runId, String campaignId, String mailboxId, long tick, Instant at, Instant nextSendAt,
                 boolean yellow, String sendingDomain, com.superkabe.events.lead.RecipientEsp consumerEsp,
                 com.superkabe.events.lead.RecipientEsp esp) {
        public Entry(String runId, String campaignId, String mailboxId, long tick, Instant at, Instant nextSendAt) {
            this(runId, campaignId, mailboxId, tick, at, nextSendAt, false, null, null, null);
        }
    }

    /** The key of a (mailbox, recipient ESP) pair in {@link #sentByMailboxEsp}. */
    static String mailboxEspKey(String mailboxId, com.superkabe.events.lead.RecipientEsp esp) {
        return mailboxId + "\u0000" + esp.name();
    }

    /** Sends of each mailbox to each recipient ESP at ticks {@code >= fromTick} ({@link #mailboxEspKey}; absent: none). */
    Map<String, Integer> sentByMailboxEsp(Collection<String> mailboxIds, long fromTick);

    /** A mailbox's sends in a day, its latest send and the latest next-send instant, since some instant. */
    record MailboxUsage(int sentInDay, Instant lastSendAt, Instant nextSendAt) {
    }

    void record(Entry entry);

    /**
     * Usage of each mailbox that sent at or after {@code since} (absent: none since): sends in
     * {@code day}, and the latest send and next-send instants at or after {@code since}.
     */
    Map<String, MailboxUsage> mailboxUsage(Collection<String> mailboxIds, Instant since, SendWindow.Day day);

    /** The latest {@code window} sends of each mailbox, newest first, true where the recipient was YELLOW. */
    Map<String, java.util.List<Boolean>> recentYellow(Collection<String> mailboxIds, int window);

    /**
     * Sends of each sending domain to consumer Gmail and consumer Outlook addresses at or after
     * {@code since} (the last 24 hours: the providers count a rolling day), keyed by
     * {@code Usage.bulkKey(domain, esp)} (absent: none).
     */
    Map<String, Integer> bulkUsage(Collection<String> sendingDomains, Instant since);

    /** Sends of each campaign in its own day (absent: none). */
    Map<String, Integer> sentByCampaign(Map<String, SendWindow.Day> days);

    /** Sends of each (campaign, mailbox) in the campaign's day (absent: none). */
    Map<CampaignMailbox, Integer> sentByPair(Map<CampaignMailbox, SendWindow.Day> days);
}
