package com.superkabe.events.protection;

import com.superkabe.events.Require;

/**
 * The answer of a quarantined mailbox's DNS checks (SPF, DKIM, DMARC, DNSBL of its sending domain;
 * ADR 0064): published on {@code superkabe.protection-checks} in the same transaction as, and before,
 * the decision made from it, so a replay decides from the recorded answer instead of asking DNS.
 * {@code detail} names every record checked and what it returned.
 */
public record MailboxDnsChecked(String orgId, String mailboxId, String domain, DnsVerdict verdict, String detail,
                                long tick) implements com.superkabe.events.SuperkabeEvent {

    public MailboxDnsChecked {
        Require.text(orgId, "orgId");
        Require.text(mailboxId, "mailboxId");
        Require.text(domain, "domain");
        if (verdict == null) {
            throw new IllegalArgumentException("verdict is required");
        }
        detail = detail == null ? "" : detail;
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
