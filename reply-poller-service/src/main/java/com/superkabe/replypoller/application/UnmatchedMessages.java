package com.superkabe.replypoller.application;

import com.superkabe.replypoller.domain.InboxMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Port: reply-looking messages of an API inbox that matched nothing we sent when read. The API cursor has
 * passed them, so they are matched again on later polls until they match or grow too old (ADR 0021), as
 * an IMAP inbox re-reads its newest messages anyway. Keyed by mailbox and normalised Message-ID.
 */
public interface UnmatchedMessages {

    /** Keeps each message unless already kept; the first sighting's time is kept. */
    void keep(String mailboxId, Collection<InboxMessage> messages, Instant seenAt);

    /** The mailbox's kept messages first seen at or after {@code since}, oldest first. */
    List<InboxMessage> seenSince(String mailboxId, Instant since);

    /** Forgets these (normalised) Message-IDs of the mailbox: they matched or were handled. */
    void forget(String mailboxId, Collection<String> messageIds);

    /** Forgets every message first seen before {@code before}; returns how many. */
    int forgetSeenBefore(Instant before);
}
