package com.superkabe.sequencer.application;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the sends this sequencer requested (one entry per {@code SendRequested}, written in the
 * same transaction), from which the daily caps and the send gap are counted. Being derived from the
 * sequencer's own decisions, replaying the inputs rebuilds it exactly. Ranges are [from, to).
 */
public interface SendLedger {

    /** One requested send, at the tick's logical instant. */
    record Entry(String runId, String campaignId, String mailboxId, long tick, Instant at) {
    }

    void record(Entry entry);

    int sentByMailbox(String mailboxId, Instant from, Instant to);

    int sentByCampaign(String campaignId, Instant from, Instant to);

    int sentByCampaignAndMailbox(String campaignId, String mailboxId, Instant from, Instant to);

    /** The latest logical instant the mailbox sent at, if it ever did. */
    Optional<Instant> lastSendAt(String mailboxId);
}
