package com.superkabe.protection.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Operator-requested mailbox transitions. Moves towards more restriction are always safe; a
 * graduation is safe only when its criteria are met. Without {@code force} a request that leaves
 * the transition table or skips a safety check is refused (nothing changes); with it, the move is
 * applied and recorded as forced with a warning naming every check it skipped.
 */
final class OperatorRequests {

    private OperatorRequests() {
    }

    static MailboxDecision decide(MailboxState s, MailboxCommand.Operator op, ProtectionPolicy p) {
        if (!s.registered()) {
            return MailboxDecision.rejected(s, "mailbox is not registered");
        }
        if (op.target() == s.status()) {
            return MailboxDecision.rejected(s, "mailbox is already " + s.status().wire());
        }
        List<String> skipped = skippedChecks(s, op.target(), op.tick(), p);
        if (!op.force() && !skipped.isEmpty()) {
            return MailboxDecision.rejected(s, s.status().wire() + " -> " + op.target().wire()
                    + " needs force: true because it skips: " + String.join("; ", skipped));
        }
        MailboxState next = apply(s, op.target(), op.tick(), p);
        String warning = !op.force() ? null : skipped.isEmpty() ? "Forced transition: no safety check was pending"
                : "Forced transition skipped safety checks: " + String.join("; ", skipped);
        return Healing.one(next, Healing.operatorTransition(s, next, "operator", op.reason(), op.actor(), op.force(),
                warning, op.tick()));
    }

    private static MailboxState apply(MailboxState s, MailboxStatus target, long tick, ProtectionPolicy p) {
        return switch (target) {
            case PAUSED -> s.entering(target, tick, s.offences(), s.relapses(),
                    tick + p.cooldownFor(Math.max(1, s.offences())), false, null);
            case HEALTHY -> s.entering(target, tick, s.offences(), 0, -1, false, null);
            default -> s.entering(target, tick, s.offences(), s.relapses(), -1, false, null);
        };
    }

    static List<String> skippedChecks(MailboxState s, MailboxStatus to, long tick, ProtectionPolicy p) {
        List<String> skipped = new ArrayList<>();
        MailboxStatus from = s.status();
        if (!Transitions.allowed(from, to)) {
            skipped.add(from.wire() + " -> " + to.wire() + " is not a valid transition (skips the healing pipeline)");
        }
        if (s.cascadeFrom() != null || (s.domainPaused() && to.canSend())) {
            skipped.add("domain " + s.domain() + " is paused");
        }
        switch (to) {
            case QUARANTINE -> {
                if (from == MailboxStatus.PAUSED && tick < s.cooldownUntil()) {
                    skipped.add("cooldown runs until tick " + s.cooldownUntil());
                }
            }
            case RESTRICTED_SEND -> {
                if (!s.lastDnsPassed()) {
                    skipped.add("DNS (SPF, DKIM, DMARC, DNSBL) not verified in quarantine");
                }
            }
            case WARM_RECOVERY -> {
                int required = s.offences() > 1 ? p.repeatOffenderCleanSends() : p.restrictedCleanSends();
                if (s.cleanInPhase() < required) {
                    skipped.add(s.cleanInPhase() + " of " + required + " clean sends");
                }
            }
            case HEALTHY -> healthyChecks(s, tick, p, skipped);
            default -> {
                // restrictive moves are always safe
            }
        }
        return skipped;
    }

    private static void healthyChecks(MailboxState s, long tick, ProtectionPolicy p, List<String> skipped) {
        if (s.status() == MailboxStatus.WARM_RECOVERY && !Healing.warmCriteriaMet(s, tick, p)) {
            skipped.add("warm_recovery criteria not met (" + s.cleanInPhase() + "/" + p.warmCleanSends()
                    + " clean sends, " + (tick - s.phaseEntered()) + "/" + p.warmMinTicks() + " ticks)");
        }
        if (s.status() == MailboxStatus.WARNING && s.window().bounces(p.warningWindow()) >= p.warningBounces()) {
            skipped.add("still " + s.window().bounces(p.warningWindow()) + " bounces within the last "
                    + p.warningWindow() + " sends");
        }
        if (s.status() == MailboxStatus.WARMING && (s.cleanInPhase() < p.warmingCleanSends()
                || tick - s.phaseEntered() < p.warmingMinTicks())) {
            skipped.add("warming not finished");
        }
    }
}
