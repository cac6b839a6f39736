package com.superkabe.replypoller.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/mailboxes/{mailboxId}/inbox-access}: exactly one of {@code gmail} (a
 * Google OAuth client and the user's refresh token, scope {@code gmail.readonly}) or {@code graph} (an Entra
 * app registration with the {@code Mail.Read} application permission). Secrets are sealed on arrival and
 * never returned.
 */
record InboxAccessRequest(@Valid Gmail gmail, @Valid Graph graph) {

    record Gmail(@NotBlank @Size(max = 256) String clientId,
                 @NotBlank @Size(max = 1024) String clientSecret,
                 @NotBlank @Size(max = 2048) String refreshToken) {
    }

    record Graph(@NotBlank @Size(max = 128)
                 @Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be a tenant id (GUID) or domain name")
                 String tenant,
                 @NotBlank @Size(max = 128) String clientId,
                 @NotBlank @Size(max = 1024) String clientSecret) {
    }
}
