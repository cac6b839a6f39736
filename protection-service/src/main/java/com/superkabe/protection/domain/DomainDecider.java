package com.superkabe.protection.domain;

import static com.superkabe.protection.domain.DomainStatus.HEALTHY;
import static com.superkabe.protection.domain.DomainStatus.PAUSED;
import static com.superkabe.protection.domain.DomainStatus.WARNING;

import java.util.Optional;

/**
 * The domain state machine: healthy → warning at ≥ 30% of its mailboxes unhealthy, → paused at ≥
 * 50%, back to healthy below 15% (between, it stays: hysteresis). Below the minimum mailbox count
 * absolute logic applies: warning at one unhealthy mailbox, paused when all (at least two) are,
 * healthy at none. Pure.
 */
public final class DomainDecider {

    private enum Level { RECOVERED, MIDDLE, WARN, PAUSE }

    private DomainDecider() {
    }

    /** Re-evaluates after a mailbox of the domain changed; {@code total} counts registered mailboxes. */
    public static DomainDecision evaluate(DomainState s, int total, int unhealthy, long tick, ProtectionPolicy p) {
        DomainState counted = s.counted(total, unhealthy);
        Level level = level(total, unhealthy, p.domain());
        DomainStatus to = switch (s.status()) {
            case HEALTHY -> level == Level.PAUSE ? PAUSED : level == Level.WARN ? WARNING : HEALTHY;
            case WARNING -> level == Level.PAUSE ? PAUSED : level == Level.RECOVERED ? HEALTHY : WARNING;
            case PAUSED -> level == Level.RECOVERED ? HEALTHY : PAUSED;
        };
        if (to == s.status()) {
            return DomainDecision.unchanged(counted);
        }
        String trigger = to == HEALTHY ? "window_recovered" : "bounce_threshold";
        return moved(counted, to, trigger, unhealthy + " of " + total + " mailboxes unhealthy" + percent(total,
                unhealthy), Transition.SYSTEM, false, null, tick);
    }

    /**
     * Re-evaluates as {@link #evaluate(DomainState, int, int, long, ProtectionPolicy)}, but first the
     * sender-rejection rule (ADR 0010 §15): {@code senderRejected} mailboxes of the domain are paused
     * for sender rejections; at {@link SenderRejections#DOMAIN_PAUSE_MAILBOXES} the domain pauses.
     * Recovery is the ratio rule's: once those mailboxes leave their pause, they no longer count.
     */
    public static DomainDecision evaluate(DomainState s, int total, int unhealthy, int senderRejected, long tick,
                                          ProtectionPolicy p) {
        if (senderRejected < SenderRejections.DOMAIN_PAUSE_MAILBOXES || s.status() == PAUSED) {
            return evaluate(s, total, unhealthy, tick, p);
        }
        DomainState counted = s.counted(total, unhealthy);
        return moved(counted, PAUSED, SenderRejections.TRIGGER, senderRejected + " of " + total
                + " mailboxes paused for sender rejections (receivers refuse the domain's mail)", Transition.SYSTEM,
                false, null, tick);
    }

    /**
     * Re-evaluates with the complaint rule first (ADR 0026): {@code complaints} are the domain's
     * sends and complaints over the window (the sum over its mailboxes, counted from
     * {@link DomainState#complaintsSince()}). At the pause line the domain pauses (trigger
     * complaint_rate) and is held paused for the first cooldown; its rate then counts afresh. At the
     * warning line a healthy domain warns. Otherwise the mailbox rules decide, except that a domain
     * does not recover while it is held or its rate is still at the pause line.
     */
    public static DomainDecision evaluate(DomainState s, int total, int unhealthy, int senderRejected,
                                          ComplaintWindow.Figures complaints, long tick, ProtectionPolicy p) {
        ComplaintRule.Level level = ComplaintRule.level(complaints, p.complaints());
        DomainState counted = s.counted(total, unhealthy);
        String why = "Complaint rate " + ComplaintRule.describe(complaints, p.complaints());
        if (level == ComplaintRule.Level.PAUSE && s.status() != PAUSED) {
            long until = tick + p.cooldownFor(1);
            DomainDecision paused = moved(counted, PAUSED, ComplaintRule.TRIGGER, why + "; held until tick " + until,
                    Transition.SYSTEM, false, null, tick);
            // counted afresh from the next day of the clock: the day that paused it is the offence itself
            long nextDay = (tick / p.ticksPerDay() + 1) * p.ticksPerDay();
            return new DomainDecision(paused.state().complaintPaused(until, nextDay), paused.transition(), null);
        }
        DomainDecision byMailboxes = evaluate(s, total, unhealthy, senderRejected, tick, p);
        boolean recovering = s.status() == PAUSED && byMailboxes.state().status() != PAUSED;
        if (recovering && (tick < s.complaintHoldUntil() || level == ComplaintRule.Level.PAUSE)) {
            return DomainDecision.unchanged(counted);
        }
        if (level == ComplaintRule.Level.WARNING && s.status() == HEALTHY && byMailboxes.state().status() == HEALTHY) {
            return moved(counted, WARNING, ComplaintRule.TRIGGER, why, Transition.SYSTEM, false, null, tick);
        }
        if (s.status() == WARNING && byMailboxes.state().status() == HEALTHY && level != ComplaintRule.Level.NONE) {
            return DomainDecision.unchanged(counted);
        }
        return byMailboxes;
    }

    /** The correlation check found several failing siblings: pause the domain now. */
    public static DomainDecision correlationPause(DomainState s, int siblingsFailing, long tick) {
        if (s.status() == PAUSED) {
            return DomainDecision.unchanged(s);
        }
        return moved(s, PAUSED, "correlation", siblingsFailing + " sibling mailboxes failing on " + s.domain()
                + ": domain-level failure", Transition.SYSTEM, false, null, tick);
    }

    /** An operator asks for {@code target}; leaving the table or recovering early needs force. */
    public static DomainDecision operator(DomainState s, DomainStatus target, String reason, String actor,
                                          boolean force, long tick, ProtectionPolicy p) {
        if (target == s.status()) {
            return new DomainDecision(s, Optional.empty(), "domain is already " + s.status().wire());
        }
        String skipped = null;
        if (s.status() == PAUSED && target == WARNING) {
            skipped = "paused -> warning is not a valid transition";
        } else if (target == HEALTHY && level(s.mailboxes(), s.unhealthy(), p.domain()) != Level.RECOVERED) {
            skipped = s.unhealthy() + " of " + s.mailboxes() + " mailboxes are still unhealthy";
        }
        if (skipped != null && !force) {
            return new DomainDecision(s, Optional.empty(), s.status().wire() + " -> " + target.wire()
                    + " needs force: true because it skips: " + skipped);
        }
        String warning = !force ? null : skipped == null ? "Forced transition: no safety check was pending"
                : "Forced transition skipped safety checks: " + skipped;
        return moved(s, target, "operator", reason, actor, force, warning, tick);
    }

    private static DomainDecision moved(DomainState s, DomainStatus to, String trigger, String reason, String actor,
                                        boolean forced, String warning, long tick) {
        DomainState next = "operator".equals(trigger) ? s.withStatus(to).withoutHold() : s.withStatus(to);
        return new DomainDecision(next, Optional.of(new Transition("domain", s.domain(), s.status().wire(),
                to.wire(), trigger, reason, actor, forced, warning, tick, -1, false, to != PAUSED)), null);
    }

    private static Level level(int total, int unhealthy, ProtectionPolicy.Domain d) {
        if (total <= 0 || unhealthy <= 0) {
            return Level.RECOVERED;
        }
        if (total < d.minimumMailboxes()) {
            return unhealthy >= total && total >= 2 ? Level.PAUSE : Level.WARN;
        }
        double r = (double) unhealthy / total;
        if (r >= d.pauseRatio()) {
            return Level.PAUSE;
        }
        if (r >= d.warningRatio()) {
            return Level.WARN;
        }
        return r < d.recoverRatio() ? Level.RECOVERED : Level.MIDDLE;
    }

    private static String percent(int total, int unhealthy) {
        return total == 0 ? "" : " (" + Math.round(100.0 * unhealthy / total) + "%)";
    }
}
