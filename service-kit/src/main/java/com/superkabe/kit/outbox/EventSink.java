package com.superkabe.kit.outbox;

import com.superkabe.events.Envelope;

/** Where application code hands decided events; they reach Kafka only if its transaction commits. */
public interface EventSink {

    void publish(Envelope event);
}
