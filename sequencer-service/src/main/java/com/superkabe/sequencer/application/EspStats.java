package com.superkabe.sequencer.application;

import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.sequencer.domain.dispatch.EspRecord;
import java.util.Collection;
import java.util.Map;

/**
 * Port: each mailbox's record with each recipient ESP per day (tick / ticks per day), counted from the
 * sequencer's ordered input (outcomes, replies, bounces), so replay counts the same.
 */
public interface EspStats {

    void add(String mailboxId, RecipientEsp esp, long day, EspRecord delta);

    /** The records of the mailboxes with {@code esp} summed over days {@code >= fromDay}; absent: none. */
    Map<String, EspRecord> since(Collection<String> mailboxIds, RecipientEsp esp, long fromDay);
}
