package com.superkabe.sendadapter.application;

import com.superkabe.sendadapter.domain.Delivery;

/**
 * Port: delivers email through a mailbox's provider. Never throws: every ending is a Delivery. A batch
 * of one mailbox goes over one {@link Connection} (one SMTP login; the provider's pace for APIs).
 */
public interface MailTransport {

    /** A connection for one mailbox's batch; it connects lazily, on the first message. */
    Connection open(Mailbox mailbox);

    /** Delivers one email over a connection of its own. */
    default Delivery deliver(Mailbox mailbox, OutgoingEmail email) {
        try (Connection c = open(mailbox)) {
            return c.deliver(email);
        }
    }

    /** One mailbox's messages, one outcome each, in order. */
    interface Connection extends AutoCloseable {

        Delivery deliver(OutgoingEmail email);

        @Override
        void close();
    }
}
