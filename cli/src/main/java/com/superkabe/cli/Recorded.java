package com.superkabe.cli;

import com.superkabe.events.Envelope;
import java.util.Map;

/**
 * One record read from a topic: where it was, its raw parts, and its envelope ({@code null} when it
 * could not be decoded; {@code error} says why). Records of dead-letter topics are never decoded.
 */
public record Recorded(String topic, int partition, long offset, long timestamp, String key,
                       Map<String, String> headers, Map<String, byte[]> rawHeaders, byte[] value,
                       Envelope envelope, String error) {

    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
