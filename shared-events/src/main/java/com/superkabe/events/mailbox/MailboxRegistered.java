package com.superkabe.events.mailbox;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * A sending mailbox was connected. Passwords travel only encrypted ({@code *Secret} fields are
 * AES-GCM ciphertexts under the platform key), never in clear text on a topic.
 */
public record MailboxRegistered(String orgId, String mailboxId, String address, String domain, String provider,
                                int dailyLimit, Endpoint smtp, Endpoint imap) implements SuperkabeEvent {
    public MailboxRegistered {
        Require.text(orgId, "orgId");
        Require.text(mailboxId, "mailboxId");
        Require.text(address, "address");
        Require.text(domain, "domain");
        Require.text(provider, "provider");
    }

    /** A mail server connection: {@code security} is NONE, STARTTLS or TLS. */
    public record Endpoint(String host, int port, String security, String username, String passwordSecret) {
        public Endpoint {
            Require.text(host, "host");
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
        }
    }

    @Override
    public String subject() {
        return mailboxId;
    }

    @Override
    public String partitionKey() {
        return mailboxId;
    }
}
