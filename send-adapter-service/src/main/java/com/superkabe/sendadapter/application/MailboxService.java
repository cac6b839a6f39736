package com.superkabe.sendadapter.application;

import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;

/** Registers mailboxes: the one owner of the registry and of its event. */
public class MailboxService {

    private final Mailboxes mailboxes;
    private final EventSink events;
    private final Envelopes envelopes;

    public MailboxService(Mailboxes mailboxes, EventSink events, Envelopes envelopes) {
        this.mailboxes = mailboxes;
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

    private static MailboxRegistered.Endpoint endpoint(Mailbox.Endpoint e) {
        return e == null ? null : new MailboxRegistered.Endpoint(e.host(), e.port(), e.security(), e.username(),
                e.secret());
    }
}
