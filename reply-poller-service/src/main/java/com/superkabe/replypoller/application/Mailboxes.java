package com.superkabe.replypoller.application;

import java.util.List;

/** Port: the mailboxes this service knows, from MailboxRegistered. */
public interface Mailboxes {

    /** Inserts or replaces (a re-registration may change the IMAP endpoint or credentials). */
    void save(PolledMailbox mailbox);

    /** Mailboxes that have an IMAP endpoint, in a stable order. */
    List<PolledMailbox> withImap();
}
