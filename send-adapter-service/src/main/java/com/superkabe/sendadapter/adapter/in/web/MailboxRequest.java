package com.superkabe.sendadapter.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/mailboxes}. Passwords and client secrets are sealed on arrival and
 * never returned. SMTP mailboxes need {@code smtp}; GRAPH (Microsoft Graph) mailboxes need {@code graph};
 * GMAIL (Gmail API) mailboxes need {@code gmail}.
 */
public record MailboxRequest(@NotBlank @Email @Size(max = 320) String address,
                             @NotBlank @Pattern(regexp = "SMTP|GRAPH|GMAIL", message = "must be SMTP, GRAPH or GMAIL")
                             String provider,
                             @Min(1) @Max(10_000) int dailyLimit,
                             @Valid Server smtp,
                             @Valid Server imap,
                             @Valid Graph graph,
                             @Valid Gmail gmail) {

    public record Server(@NotBlank @Size(max = 253) String host,
                         @Min(1) @Max(65535) int port,
                         @NotBlank @Pattern(regexp = "NONE|STARTTLS|TLS", message = "must be NONE, STARTTLS or TLS")
                         String security,
                         @Size(max = 320) String username,
                         @Size(max = 1024) String password) {
    }

    /** An Entra app registration with the Mail.Send application permission (client-credentials grant). */
    public record Graph(@NotBlank @Size(max = 128)
                        @Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be a tenant id (GUID) or domain name")
                        String tenant,
                        @NotBlank @Size(max = 128) String clientId,
                        @NotBlank @Size(max = 1024) String clientSecret) {
    }

    /** A Google OAuth client and the refresh token the mailbox's user granted (scope gmail.send). */
    public record Gmail(@NotBlank @Size(max = 256) String clientId,
                        @NotBlank @Size(max = 1024) String clientSecret,
                        @NotBlank @Size(max = 2048) String refreshToken) {
    }
}
