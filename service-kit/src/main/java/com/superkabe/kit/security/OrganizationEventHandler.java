package com.superkabe.kit.security;

import com.superkabe.events.Envelope;

/**
 * A service's interest in the organizations topic beyond API keys (for example the sequencer's in
 * mailing addresses). The topic is consumed once per service, by {@link OrganizationProjector}, in the
 * same inbox transaction, so a record is never seen twice nor skipped as a duplicate by a second reader.
 */
@FunctionalInterface
public interface OrganizationEventHandler {

    void on(Envelope event);

    /**
     * Runs the projector's whole handling of one record (inbox row and all): a service whose inputs are
     * one ordered queue takes its queue's lock here, so the inbox order is the order it decided in.
     */
    default void serialized(Runnable handling) {
        handling.run();
    }
}
