package com.superkabe.sendadapter.application;

import com.superkabe.events.mailbox.MailboxConnectionChanged;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;

/** Registers mailboxes and replaces their credentials: the one owner of the registry and of its events. */
public class MailboxService {

    private final Mailboxes mailboxes;
    private final MailboxConnections connections;
    private final EventSink events;
    private final Envelopes envelopes;

    public MailboxService(Mailboxes mailboxes, MailboxConnections connections, EventSink events, Envelopes envelopes) {
        this.mailboxes = mailboxes;
        this.connections = connections;
        this.events = events;
        this.envelopes = envelopes;
    }

    /** False when the organization already has this address. */
    public boolean register(Mailbox m) {
        if (!mailboxes.insert(m)) {
            return false;
        }
        events.publish(envelopes.origin("mailbox/" + m.mailboxId(), -1, new MailboxRegistered(m.orgId(),
                m.mailboxId(), m.address(), m.domain(), m.provider(), m.dailyLimit(), endpoint(m.smtp()),
                endpoint(m.imap()))));
        return true;
    }

    /**
     * Replaces the mailbox's credentials. If a refused login had disconnected it, it is connected again
     * and {@code MailboxConnectionChanged(connected=true)} is published, once per change.
     */
    public void updateCredentials(Mailbox m) {
        mailboxes.updateCredentials(m);
        connections.reconnect(m.mailboxId(), "credentials updated").ifPresent(state -> events.publish(
                envelopes.origin("mailbox-connection/" + m.mailboxId() + "/" + state.generation(), -1,
                        new MailboxConnectionChanged(m.orgId(), m.mailboxId(), true, "credentials updated"))));
    }

    private static MailboxRegistered.Endpoint endpoint(Mailbox.Endpoint e) {
        return e == null ? null : new MailboxRegistered.Endpoint(e.host(), e.port(), e.security(), e.username(),
                e.secret());
    }
}
