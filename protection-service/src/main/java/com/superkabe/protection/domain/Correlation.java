package com.superkabe.protection.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Before a pause, where does the failure belong? A spike concentrated on one recipient ESP and
 * shared by several mailboxes of the organization is a provider problem (reported, nobody
 * punished); several failing siblings on one domain is a domain problem (pause the domain); else
 * the mailbox alone is paused.
 */
public final class Correlation {

    public enum Scope { MAILBOX, DOMAIN, PROVIDER }

    public record Verdict(Scope scope, Optional<RecipientEsp> esp, String reason) {
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
}
