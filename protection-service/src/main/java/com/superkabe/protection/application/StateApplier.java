package com.superkabe.protection.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.MailboxWarmupLimitSet;
import com.superkabe.events.protection.ProtectionRecommended;
import com.superkabe.protection.domain.ComplaintWindow;
import com.superkabe.protection.domain.DomainDecider;
import com.superkabe.protection.domain.DomainDecision;
import com.superkabe.protection.domain.DomainState;
import com.superkabe.protection.domain.DomainStatus;
import com.superkabe.protection.domain.MailboxCommand;
import com.superkabe.protection.domain.MailboxDecider;
import com.superkabe.protection.domain.MailboxDecision;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.Mode;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.SenderRejections;
import com.superkabe.protection.domain.Transition;
import com.superkabe.protection.domain.WarmupLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Makes decisions real: saves the state, writes each transition to the audit trail, publishes it
 * (with a recommendation in SUGGEST mode), publishes warmup-limit changes, re-evaluates the
 * mailbox's domain and cascades a domain pause or recovery to its mailboxes. Callers hold the
 * domain's lock.
 */
public class StateApplier {

    private final ProtectionStore store;
    private final Policies policies;
    private final MeterRegistry meters;

    public StateApplier(ProtectionStore store, Policies policies, MeterRegistry meters) {
        this.store = store;
        this.policies = policies;
        this.meters = meters;
    }

    public void mailbox(MailboxDecision d, long tick, Emitter em, boolean evaluateDomain) {
        MailboxState s = d.state();
        int before = store.publishedLimit(s.mailboxId());
        int limit = s.registered() ? WarmupLimits.of(s, tick, policies.policy(s.orgId())) : WarmupLimits.NONE;
        store.save(s, limit);
        Mode mode = policies.mode(s.orgId());
        for (Transition t : d.transitions()) {
            boolean enforced = mode == Mode.ENFORCE;
            Envelope e = em.emit(s.mailboxId(), t.tick(), new MailboxStateChanged(s.orgId(), s.mailboxId(),
                    s.domain(), t.from(), t.to(), t.trigger(), t.reason(), mode.name(), enforced, t.actor(),
                    t.forced(), t.warning(), t.tick(), t.cooldownUntil(), t.manualReview(), t.canSend()));
            audit(s.orgId(), t, mode, e);
            if (mode == Mode.SUGGEST && t.from() != null && !"operator".equals(t.trigger())) {
                em.emit(s.mailboxId(), t.tick(), new ProtectionRecommended(s.orgId(), "mailbox", s.mailboxId(),
                        s.domain(), t.from(), t.to(), t.trigger(), t.reason(), t.tick()));
            }
        }
        if (s.registered() && limit != before) {
            em.emit(s.mailboxId(), tick, new MailboxWarmupLimitSet(s.orgId(), s.mailboxId(), s.status().wire(),
                    limit != WarmupLimits.NONE, limit, tick, limit == WarmupLimits.NONE ? "no protection cap in "
                    + s.status().wire() : s.status().wire() + ": " + limit + " per day"));
        }
        if (evaluateDomain && !d.transitions().isEmpty() && s.registered() && s.domain() != null) {
            reevaluateDomain(s.orgId(), s.domain(), tick, em);
        }
    }

    public void reevaluateDomain(String orgId, String domain, long tick, Emitter em) {
        DomainState current = store.domain(orgId, domain).orElseGet(() -> DomainState.healthy(orgId, domain));
        int[] counts = store.domainCounts(orgId, domain);
        ProtectionPolicy p = policies.policy(orgId);
        java.util.List<MailboxState> of = store.mailboxesOfDomain(orgId, domain).stream().map(store::mailbox)
                .flatMap(Optional::stream).toList();
        int senderRejected = (int) of.stream().filter(m -> SenderRejections.pausedFor(m, p)).count();
        ComplaintWindow.Figures complaints = domainComplaints(of, current, tick, p);
        domain(current, DomainDecider.evaluate(current, counts[0], counts[1], senderRejected, complaints, tick, p),
                tick, em);
    }

    /** A domain's complaint figures: the sum over its mailboxes, counted from the domain's own start. */
    static ComplaintWindow.Figures domainComplaints(java.util.List<MailboxState> mailboxes, DomainState d, long tick,
                                                   ProtectionPolicy p) {
        ComplaintWindow.Figures sum = new ComplaintWindow.Figures(0, 0, p.complaints().windowDays());
        for (MailboxState m : mailboxes) {
            sum = sum.plus(m.complaints().figures(tick, p, d.complaintsSince()));
        }
        return sum;
    }

    public void domain(DomainState before, DomainDecision dd, long tick, Emitter em) {
        DomainState s = dd.state();
        store.save(s);
        if (dd.transition().isEmpty()) {
            return;
        }
        Transition t = dd.transition().get();
        Mode mode = policies.mode(s.orgId());
        boolean enforced = mode == Mode.ENFORCE;
        Envelope e = em.emit("domain:" + s.domain(), tick, new DomainStateChanged(s.orgId(), s.domain(), t.from(),
                t.to(), t.trigger(), t.reason(), mode.name(), enforced, t.actor(), t.forced(), t.warning(), tick,
                s.mailboxes(), s.unhealthy()));
        audit(s.orgId(), t, mode, e);
        if (mode == Mode.SUGGEST && !"operator".equals(t.trigger())) {
            em.emit("domain:" + s.domain(), tick, new ProtectionRecommended(s.orgId(), "domain", s.domain(), s.domain(),
                    t.from(), t.to(), t.trigger(), t.reason(), tick));
        }
        if (s.status() == DomainStatus.PAUSED) {
            cascade(s, true, "Domain " + s.domain() + " paused: " + t.reason(), tick, em);
        } else if (before.status() == DomainStatus.PAUSED) {
            cascade(s, false, "Domain " + s.domain() + " recovered: " + t.reason(), tick, em);
        }
    }

    private void cascade(DomainState d, boolean paused, String reason, long tick, Emitter em) {
        for (String id : store.mailboxesOfDomain(d.orgId(), d.domain())) {
            store.lock("mailbox:" + id);
            MailboxState m = store.mailbox(id).orElseThrow();
            MailboxDecision md = MailboxDecider.decide(m, new MailboxCommand.DomainCascade(paused, reason, tick),
                    policies.policy(d.orgId()));
            mailbox(md, tick, em, false);
        }
    }

    private void audit(String orgId, Transition t, Mode mode, Envelope e) {
        store.audit(orgId, t, mode.name(), mode == Mode.ENFORCE, e.id());
        meters.counter("superkabe_protection_transitions", "entity", t.entityType(), "to", t.to(), "trigger",
                t.trigger()).increment();
    }
}
