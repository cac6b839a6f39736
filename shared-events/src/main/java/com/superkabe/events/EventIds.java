package com.superkabe.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: a name-based UUID of the causing event id and the index of the
 * produced event, so re-running a decision reproduces the ids and duplicates are detectable.
 */
public final class EventIds {

    private EventIds() {
    }

    public static String derive(String causationId, int index) {
        return derive(causationId + "#" + index);
    }

    public static String derive(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
