package com.superkabe.sendadapter.application;

/** Port: looks for a message, by the engine's Message-ID, among what a mailbox has sent. */
public interface SentCopies {

    enum Lookup {
        /** The Sent folder holds the message: it went out. */
        FOUND,
        /** Looked, and it is not there (yet). */
        NOT_FOUND,
        /** The lookup itself failed (server down, login refused, timeout): counted apart, not as a check. */
        FAILED,
        /** This mailbox offers no way to look (SMTP without IMAP settings). */
        UNAVAILABLE
    }

    Lookup find(Mailbox mailbox, String messageId);
}
