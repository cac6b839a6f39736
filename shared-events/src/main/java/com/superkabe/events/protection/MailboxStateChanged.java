package com.superkabe.events.protection;

import com.superkabe.events.Require;

/**
 * A mailbox moved from {@code from} to {@code to} (from is null for the first state, given at
 * registration). Every transition is published, whatever the mode: {@code enforced} says whether
 * the organization was in ENFORCE mode when it was decided. {@code canSend} says whether the new
 * state itself allows sending (false for paused and quarantine); a consumer blocks a mailbox when
 * {@code canSend} is false and the organization's latest mode (see {@link ProtectionModeChanged})
 * is ENFORCE. {@code trigger} is one of registered, bounce_threshold, window_recovered,
 * cooldown_expired, dns_check, clean_sends, graduation, relapse, operator, domain_cascade,
 * correlation. {@code actor} is "system" or the operator's API-key identity; {@code forced} marks
 * an operator transition that skipped safety checks, and {@code warning} names what it skipped.
 * {@code cooldownUntilTick} is the logical tick a paused/quarantined mailbox may graduate at
 * (-1: none); {@code manualReview} means automatic graduation is off until an operator acts.
 */
public record MailboxStateChanged(String orgId, String mailboxId, String domain, String from, String to,
                                  String trigger, String reason, String mode, boolean enforced, String actor,
                                  boolean forced, String warning, long tick, long cooldownUntilTick,
                                  boolean manualReview, boolean canSend) implements MailboxProtectionEvent {
    public MailboxStateChanged {
        Require.text(orgId, "orgId");
        Require.text(mailboxId, "mailboxId");
        Require.text(to, "to");
        Require.text(trigger, "trigger");
        Require.text(reason, "reason");
        Require.text(mode, "mode");
        Require.text(actor, "actor");
    }
}
