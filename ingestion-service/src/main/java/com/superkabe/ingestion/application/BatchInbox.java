package com.superkabe.ingestion.application;

import java.util.List;
import java.util.Set;

/** Port: the kit's inbox (idempotency by event id), recorded many events per statement. */
public interface BatchInbox {

    record Entry(String eventId, String type, String topic, String key, String headersJson, byte[] payload) {
    }

    /** Records the entries in the caller's transaction; returns the ids seen for the first time. */
    Set<String> firstSightings(List<Entry> entries);
}
