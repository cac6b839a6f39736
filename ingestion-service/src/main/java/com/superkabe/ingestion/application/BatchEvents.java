package com.superkabe.ingestion.application;

import com.superkabe.events.Envelope;
import java.util.List;

/** Port: hands many decided events to the outbox in one statement (the intake path's hot loop). */
public interface BatchEvents {

    void publishAll(List<Envelope> events);
}
