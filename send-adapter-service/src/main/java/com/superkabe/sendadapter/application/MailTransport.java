package com.superkabe.sendadapter.application;

import com.superkabe.sendadapter.domain.Delivery;

/** Port: delivers one email through the mailbox's provider. Never throws: every ending is a Delivery. */
public interface MailTransport {

    Delivery deliver(Mailbox mailbox, OutgoingEmail email);
}
