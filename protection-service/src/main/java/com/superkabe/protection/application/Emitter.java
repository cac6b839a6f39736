package com.superkabe.protection.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.EventType;
import com.superkabe.events.Service;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.kit.outbox.EventSink;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishes the events one input (a Kafka event or an API request) causes, with ids derived from
 * that input, the entity and a per-entity index: re-deciding the same input gives the same ids.
 */
public final class Emitter {

    private final Service service;
    private final Clock clock;
    private final EventSink sink;
    private final String rootId;
    private final String causationId;
    private final String correlationId;
    private final Map<String, Integer> indexes = new HashMap<>();

    Emitter(Service service, Clock clock, EventSink sink, String rootId, String causationId, String correlationId) {
        this.service = service;
        this.clock = clock;
        this.sink = sink;
        this.rootId = rootId;
        this.causationId = causationId;
        this.correlationId = correlationId;
    }

    /** Creates emitters for one service. */
    public record Factory(Service service, Clock clock, EventSink sink) {

        public Emitter causedBy(Envelope cause) {
            return new Emitter(service, clock, sink, cause.id(), cause.id(), cause.correlationId());
        }

        /** For an API request; {@code idName} must be unique per request. */
        public Emitter origin(String idName) {
            String id = EventIds.derive(service.id() + "/" + idName);
            return new Emitter(service, clock, sink, id, null, id);
        }
    }

    public Envelope emit(String entity, long tick, SuperkabeEvent payload) {
        int index = indexes.merge(entity, 1, Integer::sum) - 1;
        Envelope e = new Envelope(EventIds.derive(rootId + "/" + entity, index), EventType.of(payload), service.id(),
                clock.instant(), payload.orgId(), causationId, correlationId, tick, payload);
        sink.publish(e);
        return e;
    }
}
