package com.superkabe.sendadapter.application;

import com.superkabe.events.Envelope;
import java.time.Instant;
import java.util.List;

/** Port: AMBIGUOUS sends waiting to be looked for in their mailbox's Sent folder; durable across restarts. */
public interface PendingReconciliations {

    /**
     * One waiting send: its request, Message-ID, why it is ambiguous, how many checks were made (the
     * folder was searched) and how many lookups failed (nobody could search).
     */
    record Pending(Envelope cause, String messageId, String detail, int checks, int failedLookups) {
    }

    void add(Envelope cause, String messageId, String detail, Instant due);

    /** Those due at {@code now}, oldest first. */
    List<Pending> due(Instant now, int limit);

    void postpone(String sendId, int checks, int failedLookups, Instant due);

    /** Removes the entry; false if another worker already settled it. */
    boolean remove(String sendId);
}
