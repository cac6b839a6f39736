package com.superkabe.sendadapter.application;

import java.util.Optional;

/** Port: the sends tracking tokens may name, and the engagements already reported for them. */
public interface TrackedSends {

    /** The send, if it was claimed with its details (sends claimed before tracking existed were not). */
    Optional<TrackedSend> find(String sendId);

    /**
     * Records that the engagement {@code key} happened; false if it was recorded before. The
     * caller publishes only on true, in the same transaction, so each engagement is reported once.
     */
    boolean recordFirst(String key, String sendId, String kind);
}
