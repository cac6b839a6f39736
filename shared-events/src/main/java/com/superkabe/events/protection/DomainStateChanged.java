package com.superkabe.events.protection;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * A sending domain of one organization moved from {@code from} to {@code to} (healthy, warning,
 * paused). A paused domain makes all its mailboxes unusable (each gets its own
 * {@link MailboxStateChanged} with trigger domain_cascade) and restores them when it recovers.
 * {@code mailboxes} and {@code unhealthyMailboxes} are the counts the decision was taken on.
 * Mode, enforced, actor, forced and warning mean what they mean on {@link MailboxStateChanged}.
 */
public record DomainStateChanged(String orgId, String domain, String from, String to, String trigger,
                                 String reason, String mode, boolean enforced, String actor, boolean forced,
                                 String warning, long tick, int mailboxes, int unhealthyMailboxes)
        implements SuperkabeEvent {
    public DomainStateChanged {
        Require.text(orgId, "orgId");
        Require.text(domain, "domain");
        Require.text(to, "to");
        Require.text(trigger, "trigger");
        Require.text(reason, "reason");
        Require.text(mode, "mode");
        Require.text(actor, "actor");
    }

    @Override
    public String subject() {
        return domain;
    }

    @Override
    public String partitionKey() {
        return domain;
    }
}
