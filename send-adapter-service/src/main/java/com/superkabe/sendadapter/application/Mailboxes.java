package com.superkabe.sendadapter.application;

import java.util.List;
import java.util.Optional;

/** Port: the mailbox registry. */
public interface Mailboxes {

    /** False when the organization already registered this address. */
    boolean insert(Mailbox mailbox);

    Optional<Mailbox> find(String mailboxId);

    /** The organization's mailboxes, by address. */
    List<Mailbox> ofOrganization(String orgId);

    /** Replaces the provider settings (SMTP and IMAP endpoints, OAuth credentials) of a registered mailbox. */
    void updateCredentials(Mailbox mailbox);
}
