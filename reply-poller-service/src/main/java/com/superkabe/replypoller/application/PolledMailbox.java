package com.superkabe.replypoller.application;

/**
 * A mailbox whose inbox is polled. The password stays sealed (SecretBox ciphertext) until the
 * IMAP adapter opens a connection.
 */
public record PolledMailbox(String mailboxId, String orgId, String address, Imap imap) {

    /** {@code security} is NONE, STARTTLS or TLS. */
    public record Imap(String host, int port, String security, String username, String passwordSecret) {
    }
}
