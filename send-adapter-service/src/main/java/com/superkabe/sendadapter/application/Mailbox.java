package com.superkabe.sendadapter.application;

/** A connected sending mailbox; {@code secret}s are sealed (see SecretBox), opened only to connect. */
public record Mailbox(String mailboxId, String orgId, String address, String domain, String provider, int dailyLimit,
                      Endpoint smtp, Endpoint imap) {

    public record Endpoint(String host, int port, String security, String username, String secret) {
    }
}
