package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.SuperkabeEvent;

/**
 * Port: publishes the dispatcher's own decisions about mailboxes (ESP throttling) on
 * {@code superkabe.dispatch-decisions}, with ids derived from the cause, so a replay derives the same.
 */
public interface DispatchEvents {

    DispatchEvents NONE = (cause, key, event) -> { };

    /** {@code key} is unique among the events one cause leads to (the event id derives from cause and key). */
    void publish(Envelope cause, String key, SuperkabeEvent event);
}
