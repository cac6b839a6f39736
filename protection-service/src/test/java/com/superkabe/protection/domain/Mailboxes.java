package com.superkabe.protection.domain;

import java.util.ArrayList;
import java.util.List;

/** Test helpers: a small-tick policy and a fluent way to drive one mailbox through commands. */
final class Mailboxes {

    /** Days are 10 ticks; cooldowns 10 / 30 / 70 ticks; warm_recovery needs 30 ticks (3 days). */
    static final ProtectionPolicy POLICY = new ProtectionPolicy(3, 60, 5, 100, List.of(10L, 30L, 70L), false, 20, 30,
            70, 5, 10, 15, 25, 50, 5, 50, 30, 20, 10, false, 20, 30,
            new ProtectionPolicy.Domain(0.3, 0.5, 0.15, 3, 2, 0.8, 3), ComplaintPolicy.DEFAULTS);

    private Mailboxes() {
    }

    static final class Run {
        MailboxState state;
        final ProtectionPolicy policy;
        final List<Transition> transitions = new ArrayList<>();
        MailboxDecision last;
        long tick;

        Run(ProtectionPolicy policy) {
            this.policy = policy;
            this.state = MailboxState.unknown("mb-1", "org-1", policy);
        }

        Run apply(MailboxCommand c) {
            last = MailboxDecider.decide(state, c, policy);
            state = last.state();
            transitions.addAll(last.transitions());
            return this;
        }

        Run register() {
            return apply(new MailboxCommand.Register("mb-1@acme.test", "acme.test", false, tick));
        }

        Run clean(int n) {
            for (int i = 0; i < n; i++) {
                apply(new MailboxCommand.RecordOutcome(OutcomeClass.CLEAN, RecipientEsp.OTHER, tick, false));
            }
            return this;
        }

        Run bounce(int n) {
            for (int i = 0; i < n; i++) {
                apply(new MailboxCommand.RecordOutcome(OutcomeClass.COUNTED_BOUNCE, RecipientEsp.OTHER, tick, false));
            }
            return this;
        }

        Run senderRejection(int n) {
            for (int i = 0; i < n; i++) {
                apply(new MailboxCommand.RecordOutcome(OutcomeClass.SENDER_REJECTION, RecipientEsp.OTHER, tick,
                        false));
            }
            return this;
        }

        Run complaint(int n) {
            for (int i = 0; i < n; i++) {
                apply(new MailboxCommand.RecordComplaint(tick));
            }
            return this;
        }

        Run tickTo(long t) {
            tick = t;
            return apply(new MailboxCommand.Tick(t));
        }

        Run dns(boolean passed) {
            return apply(new MailboxCommand.DnsChecked(passed, passed ? "all valid" : "SPF missing", tick));
        }

        Run operator(MailboxStatus target, boolean force) {
            return apply(new MailboxCommand.Operator(target, "ops said so", "apikey:abc", force, tick));
        }

        /** healthy → paused (1st offence) at the current tick. */
        Run paused() {
            return register().bounce(5);
        }

        Run quarantined() {
            paused();
            return tickTo(state.cooldownUntil());
        }

        Run restricted() {
            quarantined();
            return dns(true);
        }

        Run warmRecovering() {
            restricted();
            return clean(15);
        }

        MailboxStatus status() {
            return state.status();
        }

        Transition lastTransition() {
            return transitions.get(transitions.size() - 1);
        }

        List<String> path() {
            return transitions.stream().map(Transition::to).toList();
        }
    }

    static Run given() {
        return new Run(POLICY);
    }
}
