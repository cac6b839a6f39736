package com.superkabe.replypoller.application;

import java.util.Locale;

/**
 * A mailbox whose inbox is polled. {@code provider} is SMTP, GMAIL or GRAPH (null for rows older than
 * ADR 0021, read as SMTP). Secrets stay sealed (SecretBox ciphertext) until an adapter connects.
 */
public record PolledMailbox(String mailboxId, String orgId, String address, String provider, Imap imap,
                            ApiAccess api) {

    public PolledMailbox(String mailboxId, String orgId, String address, Imap imap) {
        this(mailboxId, orgId, address, "SMTP", imap, null);
    }

    /** The provider in upper case; SMTP when none was recorded. */
    public String providerName() {
        return provider == null || provider.isBlank() ? "SMTP" : provider.toUpperCase(Locale.ROOT);
    }

    /** True if the inbox is read through the Gmail API or Microsoft Graph rather than IMAP. */
    public boolean readThroughApi() {
        return api != null && api.provider().equals(providerName());
    }

    /** {@code security} is NONE, STARTTLS or TLS. */
    public record Imap(String host, int port, String security, String username, String passwordSecret) {
    }

    /**
     * OAuth2 credentials to read the inbox: {@code provider} GMAIL (client id, sealed client secret, sealed
     * refresh token; refresh-token grant) or GRAPH (tenant, client id, sealed client secret;
     * client-credentials grant).
     */
    public record ApiAccess(String provider, String tenant, String clientId, String clientSecretSealed,
                            String refreshTokenSealed) {
        public ApiAccess {
            if (!"GMAIL".equals(provider) && !"GRAPH".equals(provider)) {
                throw new IllegalArgumentException("provider must be GMAIL or GRAPH, was " + provider);
            }
        }
    }
}
