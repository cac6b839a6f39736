package com.superkabe.kit.kafka;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.EventType;
import com.superkabe.events.Service;
import com.superkabe.events.SuperkabeEvent;
import java.time.Clock;

/**
 * Stamps decided events with this service as source and the wall-clock time as {@code ce_time}
 * (metadata only: no decision reads it). Ids are derived, never random.
 */
public class Envelopes {

    private final Service service;
    private final Clock clock;

    public Envelopes(Service service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    public Envelope causedBy(Envelope cause, int index, long logicalTime, SuperkabeEvent payload) {
        return Envelope.causedBy(cause, index, service, clock.instant(), logicalTime, payload);
    }

    /**
     * One of several events one cause produces for different entities (a tick dispatching many
     * runs): the id is derived from the cause, the entity and the index.
     */
    public Envelope causedBy(Envelope cause, String entity, int index, long logicalTime, SuperkabeEvent payload) {
        return new Envelope(EventIds.derive(cause.id() + "/" + entity, index), EventType.of(payload), service.id(),
                clock.instant(), payload.orgId(), cause.id(), cause.correlationId(), logicalTime, payload);
    }

    /** An event that starts a causal chain (an API call); {@code idName} must be unique per fact. */
    public Envelope origin(String idName, long logicalTime, SuperkabeEvent payload) {
        String id = EventIds.derive(service.id() + "/" + idName);
        return new Envelope(id, EventType.of(payload), service.id(), clock.instant(), payload.orgId(), null, id,
                logicalTime, payload);
    }

    public Service service() {
        return service;
    }
}
