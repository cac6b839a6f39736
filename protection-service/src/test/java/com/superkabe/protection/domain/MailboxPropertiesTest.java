package com.superkabe.protection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random command sequences through the mailbox decider: after every step the state is valid, the
 * window never over-counts, every transition is in the table, and a replay gives identical output.
 */
class MailboxPropertiesTest {

    @Property(tries = 300)
    void invariantsHoldAfterEveryStepAndReplayIsIdentical(@ForAll("histories") List<MailboxCommand> history) {
        List<Object> first = run(history, true);
        List<Object> second = run(history, false);

        assertThat(second).isEqualTo(first);
    }

    private static List<Object> run(List<MailboxCommand> history, boolean check) {
        ProtectionPolicy p = Mailboxes.POLICY;
        MailboxState s = MailboxState.unknown("mb-1", "org-1", p);
        List<Object> out = new ArrayList<>();
        int windowed = 0;
        int counted = 0;
        for (MailboxCommand c : history) {
            MailboxStatus before = s.status();
            MailboxDecision d = MailboxDecider.decide(s, c, p);
            if (c instanceof MailboxCommand.RecordOutcome o && o.outcome().entersWindow()) {
                windowed++;
                counted += o.outcome() == OutcomeClass.COUNTED_BOUNCE ? 1 : 0;
            }
            if (check) {
                checkInvariants(before, s, d, p, windowed, counted);
            }
            s = d.state();
            out.add(d);
        }
        out.add(s);
        return out;
    }

    private static void checkInvariants(MailboxStatus before, MailboxState was, MailboxDecision d, ProtectionPolicy p,
                                        int windowed, int counted) {
        MailboxState s = d.state();
        assertThat(s.status()).isNotNull();
        assertThat(s.window().size()).isLessThanOrEqualTo(Math.min(p.windowCapacity(), windowed));
        assertThat(s.window().bounces(p.pauseWindow())).isLessThanOrEqualTo(Math.min(counted, p.pauseWindow()));
        assertThat(s.window().bounces(p.warningWindow())).isLessThanOrEqualTo(s.window().bounces(p.pauseWindow()));
        assertThat(s.bounces()).isLessThanOrEqualTo(s.sends());
        assertThat(s.complaints().days().size()).isLessThanOrEqualTo(p.complaints().windowDays());
        if (d.isRejected()) {
            assertThat(s).isEqualTo(was);
        }
        MailboxStatus from = before;
        for (Transition t : d.transitions()) {
            MailboxStatus to = MailboxStatus.parse(t.to()).orElseThrow();
            if (t.from() != null && !t.forced() && !t.trigger().equals("domain_cascade")) {
                assertThat(Transitions.allowed(from, to)).as("%s -> %s by %s", from, to, t.trigger()).isTrue();
            }
            from = to;
        }
        assertThat(from).isEqualTo(s.status());
        if (s.status() == MailboxStatus.PAUSED && s.cascadeFrom() == null) {
            assertThat(s.cooldownUntil()).isGreaterThanOrEqualTo(0);
        }
    }

    @Provide
    Arbitrary<List<MailboxCommand>> histories() {
        Arbitrary<MailboxCommand> outcome = Arbitraries.of(OutcomeClass.values())
                .flatMap(k -> Arbitraries.of(RecipientEsp.values()).map(e -> (MailboxCommand)
                        new MailboxCommand.RecordOutcome(k, e, 0, false)));
        Arbitrary<MailboxCommand> clean = Arbitraries.just(new MailboxCommand.RecordOutcome(OutcomeClass.CLEAN,
                RecipientEsp.OTHER, 0, false));
        Arbitrary<MailboxCommand> tick = Arbitraries.longs().between(0, 400).map(MailboxCommand.Tick::new);
        Arbitrary<MailboxCommand> dns = Arbitraries.of(true, false).map(b -> new MailboxCommand.DnsChecked(b, "d", 0));
        Arbitrary<MailboxCommand> op = Arbitraries.of(MailboxStatus.values()).flatMap(t -> Arbitraries.of(true, false)
                .map(f -> new MailboxCommand.Operator(t, "r", "apikey:x", f, 0)));
        Arbitrary<MailboxCommand> cascade = Arbitraries.of(true, false)
                .map(b -> new MailboxCommand.DomainCascade(b, "domain", 0));
        Arbitrary<MailboxCommand> register = Arbitraries.of(true, false)
                .map(w -> new MailboxCommand.Register("a@acme.test", "acme.test", w, 0));
        Arbitrary<MailboxCommand> complaint = Arbitraries.just(new MailboxCommand.RecordComplaint(0));
        Arbitrary<MailboxCommand> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, complaint),
                net.jqwik.api.Tuple.of(40, clean), net.jqwik.api.Tuple.of(20, outcome), net.jqwik.api.Tuple.of(10, tick),
                net.jqwik.api.Tuple.of(5, dns), net.jqwik.api.Tuple.of(3, op), net.jqwik.api.Tuple.of(2, cascade),
                net.jqwik.api.Tuple.of(2, register));
        return any.list().ofMinSize(1).ofMaxSize(400).map(MailboxPropertiesTest::monotonicTicks);
    }

    /** Ticks given to commands rise through the history, as the logical clock does. */
    private static List<MailboxCommand> monotonicTicks(List<MailboxCommand> raw) {
        List<MailboxCommand> out = new ArrayList<>();
        long t = 0;
        for (MailboxCommand c : raw) {
            if (c instanceof MailboxCommand.Tick tk) {
                t += tk.tick() % 40;
            }
            long now = t;
            out.add(switch (c) {
                case MailboxCommand.Tick x -> new MailboxCommand.Tick(now);
                case MailboxCommand.RecordOutcome o -> new MailboxCommand.RecordOutcome(o.outcome(), o.esp(), now, false);
                case MailboxCommand.DnsChecked d -> new MailboxCommand.DnsChecked(d.passed(), d.detail(), now);
                case MailboxCommand.Operator o -> new MailboxCommand.Operator(o.target(), o.reason(), o.actor(),
                        o.force(), now);
                case MailboxCommand.DomainCascade dc -> new MailboxCommand.DomainCascade(dc.paused(), dc.reason(), now);
                case MailboxCommand.Register r -> new MailboxCommand.Register(r.address(), r.domain(), r.warming(), now);
                case MailboxCommand.RecordComplaint rc -> new MailboxCommand.RecordComplaint(now);
            });
        }
        return out;
    }
}
