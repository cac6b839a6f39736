package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import java.util.Map;

/**
 * Port: one shard's inbox (ADR 0065), the event-id dedupe and the recorded input order of that shard.
 * True if the event is seen by the shard for the first time (and now recorded in the caller's transaction).
 */
public interface ShardInbox {

    boolean firstSighting(int shard, Envelope event, String topic, String key, Map<String, String> headers,
                          byte[] payload);
}
