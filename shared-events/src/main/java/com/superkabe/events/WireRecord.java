package com.superkabe.events;

import java.util.Map;

/** A Kafka record in transport-neutral form: topic, key, headers (UTF-8 values) and JSON value. */
public record WireRecord(String topic, String key, Map<String, String> headers, byte[] value) {
    public WireRecord {
        headers = Map.copyOf(headers);
    }
}
