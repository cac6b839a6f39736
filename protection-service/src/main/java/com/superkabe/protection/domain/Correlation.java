package com.superkabe.protection.domain;

import com.superkabe.events.protection.MailboxCorrelationChecked;
import java.util.Map;
import java.util.Optional;

/**
 * Before a pause, where does the failure belong? A spike concentrated on one recipient ESP and
 * shared by several mailboxes of the organization is a provider problem (reported, nobody
 * punished); several failing siblings on one domain is a domain problem (pause the domain); else
 * the mailbox alone is paused.
 * <p>
 * What the check needs from other mailboxes arrives as {@link Counts}, taken from the recorded
 * {@link MailboxCorrelationChecked} (ADR 0063): the verdict and the domain pause are a function of
 * the failing mailbox, its domain's own state and that record.
 */
public final class Correlation {

    public enum Scope { MAILBOX, DOMAIN, PROVIDER }

    public record Verdict(Scope scope, Optional<RecipientEsp> esp, String reason) {
    }

    /**
     * The counts of other mailboxes a check reads: {@code mailboxesOnEsp} the organization's
     * mailboxes, the failing one included, with bounces on {@code dominantEsp} in their windows (0
     * without one); {@code domainSiblings} the other registered mailboxes of its domain and
     * {@code siblingsFailing} how many of them are unhealthy.
     */
    public record Counts(Optional<RecipientEsp> dominantEsp, int mailboxesOnEsp, int domainSiblings,
                         int siblingsFailing) {

        public static Counts of(MailboxCorrelationChecked c) {
            return new Counts(Optional.ofNullable(c.dominantEsp()).map(RecipientEsp::valueOf), c.mailboxesOnEsp(),
                    c.domainSiblings(), c.siblingsFailing());
        }

        /** The record of these counts for the mailbox that breached its pause rule at {@code tick}. */
        public MailboxCorrelationChecked recorded(MailboxState failing, long tick) {
            return new MailboxCorrelationChecked(failing.orgId(), failing.mailboxId(), failing.domain(),
                    dominantEsp.map(Enum::name).orElse(null), mailboxesOnEsp, domainSiblings, siblingsFailing, tick);
        }
    }

    /**
     * What the check decided: the mailbox's decision (spared at provider scope, else the breach),
     * the domain's (present at domain scope only).
     */
    public record Outcome(Verdict verdict, MailboxDecision mailbox, Optional<DomainDecision> domain) {
    }

    private Correlation() {
    }

    /**
     * The ESP holding at least the policy's share of these bounces, if any. OTHER is a catch-all of
     * unrelated providers, never a concentration.
     */
    public static Optional<RecipientEsp> dominantEsp(Map<RecipientEsp, Integer> bounces, ProtectionPolicy p) {
        int total = bounces.values().stream().mapToInt(Integer::intValue).sum();
        return bounces.entrySet().stream()
                .filter(e -> e.getKey() != RecipientEsp.OTHER)
                .filter(e -> total > 0 && e.getValue() >= p.domain().providerShare() * total)
                .map(Map.Entry::getKey).findFirst();
    }

    /** The dominant ESP of the windowed bounces of a mailbox that breached its pause rule. */
    public static Optional<RecipientEsp> dominantEsp(MailboxDecision breached, ProtectionPolicy p) {
        return dominantEsp(breached.state().window().bouncesByEsp(p.pauseWindow()), p);
    }

    /**
     * {@code mailboxesOnEsp}: mailboxes of the organization (this one included) with counted
     * bounces on the dominant ESP in their windows; {@code siblingsFailing}: other mailboxes of the
     * same domain failing now.
     */
    public static Verdict classify(Optional<RecipientEsp> dominant, int mailboxesOnEsp, int siblingsFailing,
                                   ProtectionPolicy p) {
        if (dominant.isPresent() && mailboxesOnEsp >= p.domain().providerMinMailboxes()) {
            return new Verdict(Scope.PROVIDER, dominant, "bounces concentrated on " + dominant.get() + ", shared by "
                    + mailboxesOnEsp + " mailboxes");
        }
        if (siblingsFailing >= p.domain().siblingsForDomainScope()) {
            return new Verdict(Scope.DOMAIN, Optional.empty(), siblingsFailing + " sibling mailboxes failing");
        }
        return new Verdict(Scope.MAILBOX, Optional.empty(), "mailbox failing alone");
    }

    /**
     * The check itself. {@code before}: the mailbox before the outcome; {@code breached}: the
     * decision that breached its pause rule; {@code domain}: its domain's state. At domain scope the
     * domain is counted as the record's siblings plus the failing mailbox in its new state, which is
     * what a count of the domain's rows after the mailbox's pause finds. {@code domain} is null for
     * a mailbox without a domain.
     */
    public static Outcome decide(MailboxState before, MailboxDecision breached, MailboxCommand.RecordOutcome cmd,
                                 Counts counts, DomainState domain, ProtectionPolicy p) {
        Verdict v = classify(counts.dominantEsp(), counts.mailboxesOnEsp(), counts.siblingsFailing(), p);
        if (v.scope() == Scope.DOMAIN && domain == null) {
            // a mailbox without a domain has no siblings to share the failure with
            v = new Verdict(Scope.MAILBOX, Optional.empty(), "mailbox failing alone");
        }
        return switch (v.scope()) {
            case PROVIDER -> new Outcome(v, MailboxDecider.decide(before, cmd.atProviderScope(), p), Optional.empty());
            case DOMAIN -> {
                MailboxState s = breached.state();
                int self = s.registered() ? 1 : 0;
                int failing = s.registered() && DomainState.unhealthy(s) ? 1 : 0;
                DomainState counted = domain.counted(counts.domainSiblings() + self, counts.siblingsFailing() + failing);
                yield new Outcome(v, breached, Optional.of(DomainDecider.correlationPause(counted,
                        counts.siblingsFailing(), cmd.tick())));
            }
            case MAILBOX -> new Outcome(v, breached, Optional.empty());
        };
    }
}
