package com.superkabe.events;

import java.time.Instant;

/**
 * An event with its CloudEvents 1.0 attributes and Superkabe extensions. {@code logicalTime} is the
 * tick the event was decided at, or -1 when no logical time applies (e.g. an API submission).
 */
public record Envelope(String id, EventType type, String source, Instant time, String orgId, String causationId,
                       String correlationId, long logicalTime, SuperkabeEvent payload) {
    public Envelope {
        Require.text(id, "id");
        Require.text(source, "source");
        if (type == null || payload == null || time == null) {
            throw new IllegalArgumentException("type, time and payload are required");
        }
        if (type.recordType() != payload.getClass()) {
            throw new IllegalArgumentException(type.wireName() + " cannot carry " + payload.getClass().getSimpleName());
        }
    }

    /** A new event caused by {@code cause}; id derived from the cause's id and the index. */
    public static Envelope causedBy(Envelope cause, int index, Service source, Instant time, long logicalTime,
                                    SuperkabeEvent payload) {
        return new Envelope(EventIds.derive(cause.id(), index), EventType.of(payload), source.id(), time,
                payload.orgId(), cause.id(), cause.correlationId(), logicalTime, payload);
    }

    public Topic topic() {
        return type.topic();
    }

    public String key() {
        return payload.partitionKey();
    }

    public String subject() {
        return payload.subject();
    }

    @SuppressWarnings("unchecked")
    public <T extends SuperkabeEvent> T payloadAs(Class<T> type) {
        return (T) payload;
    }
}
