package com.superkabe.replypoller.application;

import java.util.List;
import java.util.Optional;

/** Port: the mailboxes this service knows, from MailboxRegistered, and how to read their inboxes. */
public interface Mailboxes {

    /**
     * Inserts or replaces the mailbox (a re-registration may change the IMAP endpoint or credentials);
     * its API access, if any was granted, is kept.
     */
    void save(PolledMailbox mailbox);

    /** The mailbox of this organization, with its API access; empty if unknown or another org's. */
    Optional<PolledMailbox> find(String orgId, String mailboxId);

    /** Grants (or replaces) the credentials to read the mailbox's inbox through its provider's API. */
    void grantApiAccess(String mailboxId, PolledMailbox.ApiAccess access);

    /** Mailboxes that have an IMAP endpoint or API access, in a stable order. */
    List<PolledMailbox> readable();
}
