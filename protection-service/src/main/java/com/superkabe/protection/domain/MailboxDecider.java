package com.superkabe.protection.domain;

import com.superkabe.protection.domain.MailboxCommand.DnsChecked;
import com.superkabe.protection.domain.MailboxCommand.DomainCascade;
import com.superkabe.protection.domain.MailboxCommand.Operator;
import com.superkabe.protection.domain.MailboxCommand.RecordComplaint;
import com.superkabe.protection.domain.MailboxCommand.RecordOutcome;
import com.superkabe.protection.domain.MailboxCommand.Register;
import com.superkabe.protection.domain.MailboxCommand.Tick;
import java.util.List;

/**
 * The mailbox state machine: a pure function of (state, command, policy). Thresholds and the
 * healing pipeline's graduation criteria live in {@link Healing}; operator requests in
 * {@link OperatorRequests}. The same commands in the same order always give the same decisions.
 */
public final class MailboxDecider {

    private MailboxDecider() {
    }

    public static MailboxDecision decide(MailboxState s, MailboxCommand c, ProtectionPolicy p) {
        return switch (c) {
            case Register r -> register(s, r, p);
            case RecordOutcome o -> outcome(s, o, p);
            case RecordComplaint rc -> complaint(s, rc, p);
            case Tick t -> Healing.onTick(s, t.tick(), p);
            case DnsChecked d -> Healing.onDns(s, d, p);
            case Operator op -> OperatorRequests.decide(s, op, p);
            case DomainCascade dc -> cascade(s, dc);
        };
    }

    private static MailboxDecision register(MailboxState s, Register r, ProtectionPolicy p) {
        if (s.registered()) {
            return new MailboxDecision(s.registeredAs(r.address(), r.domain()), List.of(), false, false, null);
        }
        MailboxStatus first = r.warming() || p.warmNewMailboxes() ? MailboxStatus.WARMING : MailboxStatus.HEALTHY;
        MailboxState registered = s.registeredAs(r.address(), r.domain()).entering(first, r.tick(), 0, 0, -1, false,
                null);
        Transition t = new Transition("mailbox", s.mailboxId(), null, first.wire(), "registered",
                "Mailbox registered", Transition.SYSTEM, false, null, r.tick(), -1, false, first.canSend());
        // outcomes that arrived before the registration are decided on now
        MailboxDecision caughtUp = Healing.thresholds(registered, r.tick(), p, false);
        return Healing.prepend(t, caughtUp);
    }

    private static MailboxDecision outcome(MailboxState s, RecordOutcome o, ProtectionPolicy p) {
        OutcomeClass k = o.outcome();
        boolean hardBounce = k == OutcomeClass.COUNTED_BOUNCE || k == OutcomeClass.EXCLUDED_BOUNCE;
        Window w = switch (k) {
            case CLEAN -> s.window().clean();
            case COUNTED_BOUNCE -> s.window().bounce(o.esp());
            case SENDER_REJECTION -> s.window().senderRejection();
            default -> s.window();
        };
        boolean failed = k == OutcomeClass.FAILURE || k == OutcomeClass.SENDER_REJECTION;
        MailboxState counted = s.with(w, s.sends() + (k == OutcomeClass.FAILURE ? 0 : 1),
                s.bounces() + (hardBounce ? 1 : 0), s.failures() + (failed ? 1 : 0));
        if (k == OutcomeClass.CLEAN) {
            // a delivered send (EmailSent): the complaint rate's denominator
            counted = counted.withComplaints(counted.complaints().sent(o.tick(), p));
        }
        if (!counted.registered() || !k.entersWindow()) {
            return new MailboxDecision(counted, List.of(), false, false, null);
        }
        return switch (counted.status()) {
            case HEALTHY, WARNING -> Healing.thresholds(counted, o.tick(), p, o.providerScope());
            case WARMING -> Healing.thresholds(k == OutcomeClass.CLEAN ? counted.withPhaseCounters(
                    counted.cleanInPhase() + 1, counted.sendsInPhase() + 1, counted.bouncesInPhase()) : counted,
                    o.tick(), p, o.providerScope());
            case RESTRICTED_SEND -> Healing.restricted(counted, k, o.tick(), p);
            case WARM_RECOVERY -> Healing.warmRecovery(counted, k, o.tick(), p);
            case PAUSED, QUARANTINE -> new MailboxDecision(counted, List.of(), false, false, null);
        };
    }

    /**
     * A spam complaint: counted in the complaint window; a sending mailbox is judged on its rate at
     * once (ADR 0026). In the healing phases and while paused it is only counted: the pipeline's own
     * criteria decide there, and the rate is judged again once the mailbox sends normally.
     */
    private static MailboxDecision complaint(MailboxState s, RecordComplaint c, ProtectionPolicy p) {
        MailboxState counted = s.withComplaints(s.complaints().complained(c.tick(), p));
        if (!counted.registered()) {
            return new MailboxDecision(counted, List.of(), false, false, null);
        }
        return switch (counted.status()) {
            case HEALTHY, WARNING, WARMING -> Healing.thresholds(counted, c.tick(), p, false);
            default -> new MailboxDecision(counted, List.of(), false, false, null);
        };
    }

    private static MailboxDecision cascade(MailboxState s, DomainCascade dc) {
        MailboxState flagged = s.withDomainPaused(dc.paused());
        if (dc.paused() && s.status().canSend()) {
            MailboxState frozen = Healing.move(flagged, MailboxStatus.PAUSED, s.status());
            return Healing.one(frozen, Healing.transition(s, frozen, "domain_cascade", dc.reason(), dc.tick()));
        }
        if (!dc.paused() && s.cascadeFrom() != null) {
            MailboxState restored = Healing.move(flagged, s.cascadeFrom(), null);
            return Healing.one(restored, Healing.transition(s, restored, "domain_cascade", dc.reason(), dc.tick()));
        }
        return new MailboxDecision(flagged, List.of(), false, false, null);
    }
}
