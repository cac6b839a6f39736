package com.superkabe.replypoller.application;

import java.util.Optional;

/**
 * Port: where the last poll of an API inbox stopped (a Gmail historyId, a Graph deltaLink). IMAP inboxes
 * have none: each poll reads the newest messages again.
 */
public interface InboxCursors {

    Optional<String> find(String mailboxId);

    void save(String mailboxId, String position);

    /** Forgets the position, so the next poll starts with a full sync (new credentials, another account). */
    void forget(String mailboxId);
}
