package com.superkabe.sendadapter.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/mailboxes}. Passwords are sealed on arrival and never returned. */
public record MailboxRequest(@NotBlank @Email @Size(max = 320) String address,
                             @NotBlank @Pattern(regexp = "SMTP", message = "must be SMTP (Gmail API and Microsoft Graph are not supported yet)")
                             String provider,
                             @Min(1) @Max(10_000) int dailyLimit,
                             @NotNull @Valid Server smtp,
                             @Valid Server imap) {

    public record Server(@NotBlank @Size(max = 253) String host,
                         @Min(1) @Max(65535) int port,
                         @NotBlank @Pattern(regexp = "NONE|STARTTLS|TLS", message = "must be NONE, STARTTLS or TLS")
                         String security,
                         @Size(max = 320) String username,
                         @Size(max = 1024) String password) {
    }
}
