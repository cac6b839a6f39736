package com.superkabe.protection.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounce thresholds and the healing pipeline: paused (cooldown by offence) → quarantine (DNS must
 * pass) → restricted_send (N clean sends, zero bounces) → warm_recovery (clean sends, days in
 * phase, bounce rate below the limit throughout) → healthy; a relapse sends the mailbox back.
 */
final class Healing {

    private Healing() {
    }

    static MailboxDecision thresholds(MailboxState s, long tick, ProtectionPolicy p, boolean providerScope) {
        if (!s.registered() || !(s.status() == MailboxStatus.HEALTHY || s.status() == MailboxStatus.WARNING
                || s.status() == MailboxStatus.WARMING)) {
            return none(s);
        }
        int rejections = s.window().senderRejections(p.pauseWindow());
        if (rejections >= SenderRejections.MAILBOX_PAUSE) {
            return pause(s, tick, p, SenderRejections.TRIGGER, "Receivers refused the sender " + rejections
                    + " times within " + p.pauseWindow() + " sends (at most " + (SenderRejections.MAILBOX_PAUSE - 1)
                    + " allowed)");
        }
        ComplaintWindow.Figures complaints = s.complaints().own(tick, p);
        ComplaintRule.Level complaintLevel = ComplaintRule.level(complaints, p.complaints());
        if (complaintLevel == ComplaintRule.Level.PAUSE) {
            // the complaints are acted on: its own rate starts afresh, so a healed mailbox is not paused again for
            // them (its domain still counts them)
            return pause(s.withComplaints(s.complaints().restartedAfter(tick, p)), tick, p, ComplaintRule.TRIGGER,
                    "Complaint rate " + ComplaintRule.describe(complaints, p.complaints()));
        }
        int pauseCount = s.window().bounces(p.pauseWindow());
        boolean bounceWarn = s.window().bounces(p.warningWindow()) >= p.warningBounces();
        boolean warn = bounceWarn || complaintLevel == ComplaintRule.Level.WARNING;
        if (pauseCount >= p.pauseBounces() && !providerScope) {
            MailboxDecision paused = pause(s, tick, p, "bounce_threshold", "Exceeded " + p.pauseBounces()
                    + " bounces within " + p.pauseWindow() + " sends (" + pauseCount + " counted)");
            return new MailboxDecision(paused.state(), paused.transitions(), true, false, null);
        }
        if ((warn || pauseCount >= p.pauseBounces()) && s.status() != MailboxStatus.WARNING) {
            MailboxState next = s.entering(MailboxStatus.WARNING, tick, s.offences(), s.relapses(), -1, false, null);
            boolean byBounces = bounceWarn || pauseCount >= p.pauseBounces();
            return one(next, byBounces ? transition(s, next, "bounce_threshold", "Reached " + p.warningBounces()
                    + " bounces within " + p.warningWindow() + " sends" + (providerScope ? " (provider-scope spike)"
                    : ""), tick) : transition(s, next, ComplaintRule.TRIGGER, "Complaint rate "
                    + ComplaintRule.describe(complaints, p.complaints()), tick));
        }
        if (!warn && pauseCount < p.pauseBounces() && s.status() == MailboxStatus.WARNING) {
            MailboxState next = s.entering(MailboxStatus.HEALTHY, tick, s.offences(), s.relapses(), -1, false, null);
            return one(next, transition(s, next, "window_recovered", "Fewer than " + p.warningBounces()
                    + " bounces within the last " + p.warningWindow() + " sends" + (complaints.complaints() == 0 ? ""
                    : "; complaint rate " + ComplaintRule.describe(complaints, p.complaints())), tick));
        }
        if (s.status() == MailboxStatus.WARMING && s.cleanInPhase() >= p.warmingCleanSends()
                && tick - s.phaseEntered() >= p.warmingMinTicks()) {
            return graduate(s, tick, "Warming done: " + s.cleanInPhase() + " clean sends over "
                    + (tick - s.phaseEntered()) + " ticks");
        }
        return none(s);
    }

    static MailboxDecision restricted(MailboxState s, OutcomeClass k, long tick, ProtectionPolicy p) {
        if (k.againstSender()) {
            return relapse(s, tick, p, (k == OutcomeClass.SENDER_REJECTION ? "sender rejection"
                    : "counted bounce") + " in restricted_send");
        }
        MailboxState counted = s.withPhaseCounters(s.cleanInPhase() + 1, s.sendsInPhase() + 1, 0);
        int required = s.offences() > 1 ? p.repeatOffenderCleanSends() : p.restrictedCleanSends();
        if (counted.cleanInPhase() >= required) {
            MailboxState next = counted.entering(MailboxStatus.WARM_RECOVERY, tick, s.offences(), s.relapses(), -1,
                    false, null);
            return one(next, transition(s, next, "clean_sends", counted.cleanInPhase()
                    + " clean sends with zero hard bounces (required " + required + ")", tick));
        }
        return none(counted);
    }

    static MailboxDecision warmRecovery(MailboxState s, OutcomeClass k, long tick, ProtectionPolicy p) {
        boolean bounce = k.againstSender();
        MailboxState counted = s.withPhaseCounters(s.cleanInPhase() + (bounce ? 0 : 1), s.sendsInPhase() + 1,
                s.bouncesInPhase() + (bounce ? 1 : 0));
        if (bounce && !rateBelowLimit(counted, p)) {
            return relapse(s, tick, p, "bounce rate " + counted.bouncesInPhase() + "/"
                    + Math.max(counted.sendsInPhase(), p.warmCleanSends()) + " reached "
                    + p.warmMaxBounceRatePermille() / 10.0 + "% in warm_recovery");
        }
        return warmGraduation(counted, tick, p);
    }

    static MailboxDecision onTick(MailboxState s, long tick, ProtectionPolicy p) {
        if (!s.registered()) {
            return none(s);
        }
        return switch (s.status()) {
            case PAUSED -> s.cascadeFrom() == null && !s.manualReview() && tick >= s.cooldownUntil()
                    ? toQuarantine(s, tick, p) : none(s);
            case QUARANTINE -> new MailboxDecision(s, List.of(), false, dnsDue(s, tick, p), null);
            case WARM_RECOVERY -> warmGraduation(s, tick, p);
            case WARMING -> thresholds(s, tick, p, false);
            default -> none(s);
        };
    }

    static MailboxDecision onDns(MailboxState s, MailboxCommand.DnsChecked d, ProtectionPolicy p) {
        if (s.status() != MailboxStatus.QUARANTINE) {
            return none(s);
        }
        MailboxState checked = s.withDns(d.tick(), d.passed());
        if (!d.passed() || s.domainPaused() || d.tick() < s.cooldownUntil()) {
            return none(checked);
        }
        MailboxState next = checked.entering(MailboxStatus.RESTRICTED_SEND, d.tick(), s.offences(), s.relapses(),
                -1, false, null);
        return one(next, transition(s, next, "dns_check", "Domain passed SPF, DKIM, DMARC and DNSBL checks: "
                + d.detail(), d.tick()));
    }

    static MailboxDecision pause(MailboxState s, long tick, ProtectionPolicy p, String trigger, String reason) {
        int offence = s.offences() + 1;
        long until = tick + p.cooldownFor(offence);
        MailboxState next = s.entering(MailboxStatus.PAUSED, tick, offence, s.relapses(), until, false, null);
        return one(next, transition(s, next, trigger, reason + "; offence " + offence + ", cooldown until tick "
                + until, tick));
    }

    static MailboxDecision relapse(MailboxState s, long tick, ProtectionPolicy p, String why) {
        int n = s.relapses() + 1;
        MailboxState next = n == 1
                ? s.entering(MailboxStatus.QUARANTINE, tick, s.offences(), n, tick + p.scaled(p.relapseQuarantineTicks()),
                false, null)
                : s.entering(MailboxStatus.PAUSED, tick, s.offences(), n, tick + p.scaled(n == 2 ? p.relapsePauseTicks()
                : p.manualReviewTicks()), n >= 3, null);
        return one(next, transition(s, next, "relapse", "Relapse #" + n + ": " + why + "; held until tick "
                + next.cooldownUntil() + (n >= 3 ? "; manual review required" : ""), tick));
    }

    private static MailboxDecision toQuarantine(MailboxState s, long tick, ProtectionPolicy p) {
        MailboxState next = s.entering(MailboxStatus.QUARANTINE, tick, s.offences(), s.relapses(), -1, false, null);
        MailboxDecision d = one(next, transition(s, next, "cooldown_expired", "Cooldown ended at tick "
                + s.cooldownUntil(), tick));
        return new MailboxDecision(d.state(), d.transitions(), false, dnsDue(next, tick, p), null);
    }

    private static boolean dnsDue(MailboxState s, long tick, ProtectionPolicy p) {
        return !s.domainPaused() && tick >= s.cooldownUntil()
                && (s.lastDnsTick() < 0 || tick - s.lastDnsTick() >= p.dnsCheckIntervalTicks());
    }

    static boolean rateBelowLimit(MailboxState s, ProtectionPolicy p) {
        return s.bouncesInPhase() * 1000L < (long) p.warmMaxBounceRatePermille()
                * Math.max(s.sendsInPhase(), p.warmCleanSends());
    }

    static boolean warmCriteriaMet(MailboxState s, long tick, ProtectionPolicy p) {
        return s.cleanInPhase() >= p.warmCleanSends() && tick - s.phaseEntered() >= p.warmMinTicks()
                && rateBelowLimit(s, p);
    }

    private static MailboxDecision warmGraduation(MailboxState s, long tick, ProtectionPolicy p) {
        if (!warmCriteriaMet(s, tick, p)) {
            return none(s);
        }
        return graduate(s, tick, s.cleanInPhase() + " clean sends, " + (tick - s.phaseEntered())
                + " ticks in warm_recovery, bounce rate " + s.bouncesInPhase() + "/" + s.sendsInPhase());
    }

    private static MailboxDecision graduate(MailboxState s, long tick, String reason) {
        MailboxState next = s.entering(MailboxStatus.HEALTHY, tick, s.offences(), 0, -1, false, null);
        return one(next, transition(s, next, "graduation", reason, tick));
    }

    static MailboxState move(MailboxState s, MailboxStatus to, MailboxStatus cascadeFrom) {
        Transitions.check(s.status(), to, "domain_cascade", s.cascadeFrom());
        return s.frozenAs(to, cascadeFrom);
    }

    static Transition transition(MailboxState from, MailboxState to, String trigger, String reason, long tick) {
        if (!"domain_cascade".equals(trigger)) {
            Transitions.check(from.status(), to.status(), trigger, from.cascadeFrom());
        }
        return operatorTransition(from, to, trigger, reason, Transition.SYSTEM, false, null, tick);
    }

    static Transition operatorTransition(MailboxState from, MailboxState to, String trigger, String reason,
                                         String actor, boolean forced, String warning, long tick) {
        return new Transition("mailbox", from.mailboxId(), from.status().wire(), to.status().wire(), trigger, reason,
                actor, forced, warning, tick, to.cooldownUntil(), to.manualReview(), to.status().canSend());
    }

    static MailboxDecision one(MailboxState s, Transition t) {
        return new MailboxDecision(s, List.of(t), false, false, null);
    }

    static MailboxDecision none(MailboxState s) {
        return new MailboxDecision(s, List.of(), false, false, null);
    }

    static MailboxDecision prepend(Transition first, MailboxDecision d) {
        List<Transition> all = new ArrayList<>();
        all.add(first);
        all.addAll(d.transitions());
        return new MailboxDecision(d.state(), all, d.pauseBreached(), d.dnsCheckDue(), d.rejection());
    }
}
