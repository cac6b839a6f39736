package com.superkabe.sendadapter.adapter.in.web;

import jakarta.validation.Valid;

/**
 * The body of {@code PUT /api/v1/mailboxes/{id}/credentials}: exactly the block of the mailbox's
 * provider ({@code smtp}, optionally with {@code imap}; {@code graph}; or {@code gmail}), replacing
 * the stored one. Secrets are sealed on arrival and never returned.
 */
public record CredentialsRequest(@Valid MailboxRequest.Server smtp,
                                 @Valid MailboxRequest.Server imap,
                                 @Valid MailboxRequest.Graph graph,
                                 @Valid MailboxRequest.Gmail gmail) {
}
