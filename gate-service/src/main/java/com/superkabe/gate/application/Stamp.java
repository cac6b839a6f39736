package com.superkabe.gate.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.kit.kafka.Envelopes;

/** How a decision's event gets its envelope: caused by an input event, or by an operator's request. */
@FunctionalInterface
public interface Stamp {

    Envelope apply(String leadId, int index, long tick, SuperkabeEvent payload);

    static Stamp causedBy(Envelopes envelopes, Envelope cause) {
        return (leadId, index, tick, payload) -> envelopes.causedBy(cause, leadId, index, tick, payload);
    }

    static Stamp request(Envelopes envelopes, String requestId) {
        return (leadId, index, tick, payload) -> envelopes.origin(requestId + "/" + leadId + "#" + index, tick, payload);
    }
}
