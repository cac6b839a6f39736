package com.superkabe.sendadapter.application;

import java.util.Locale;

/**
 * A connected sending mailbox; {@code secret}s are sealed (see SecretBox), opened only to connect.
 * An SMTP mailbox has {@code smtp} (and optionally {@code imap}); GRAPH and GMAIL mailboxes have {@code oauth}.
 */
public record Mailbox(String mailboxId, String orgId, String address, String domain, String provider, int dailyLimit,
                      Endpoint smtp, Endpoint imap, OAuth oauth) {

    public record Endpoint(String host, int port, String security, String username, String secret) {
    }

    /**
     * OAuth2 credentials: {@code clientId} and the sealed {@code clientSecret}; GRAPH adds {@code tenant}
     * (Microsoft Entra directory, client-credentials grant), GMAIL the sealed {@code refreshToken} the user granted.
     */
    public record OAuth(String tenant, String clientId, String clientSecret, String refreshToken) {
    }

    /** True if the mailbox carries the settings its provider needs to send. */
    public boolean canSend() {
        return switch (provider == null ? "" : provider.toUpperCase(Locale.ROOT)) {
            case "SMTP" -> smtp != null;
            case "GRAPH" -> oauth != null && oauth.tenant() != null && oauth.clientId() != null
                    && oauth.clientSecret() != null;
            case "GMAIL" -> oauth != null && oauth.clientId() != null && oauth.clientSecret() != null
                    && oauth.refreshToken() != null;
            default -> false;
        };
    }
}
