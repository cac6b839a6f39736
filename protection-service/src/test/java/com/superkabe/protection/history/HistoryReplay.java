package com.superkabe.protection.history;

import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.reply.ComplaintReceived;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.protection.domain.BounceRule;
import com.superkabe.protection.domain.ComplaintWindow;
import com.superkabe.protection.domain.DomainDecider;
import com.superkabe.protection.domain.SenderRejections;
import com.superkabe.protection.domain.DomainDecision;
import com.superkabe.protection.domain.DomainState;
import com.superkabe.protection.domain.MailboxCommand;
import com.superkabe.protection.domain.MailboxDecider;
import com.superkabe.protection.domain.MailboxDecision;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.OutcomeClass;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.RecipientEsp;
import com.superkabe.protection.domain.Transition;
import com.superkabe.protection.domain.WarmupLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays recorded input events (the wire contracts of shared-events) through the pure deciders,
 * the way ProtectionService and StateApplier drive them, with every DNS check passing: mailbox
 * decisions, the domain re-evaluation after each mailbox transition and after each complaint, the
 * domain's cascade, and the end of a domain's complaint hold on the clock.
 * Correlation is left out (the recorded recipients are on no named ESP and no sibling fails
 * while another breaches). Output: one line per decided fact, the golden comparison's unit.
 */
final class HistoryReplay {

    private final ProtectionPolicy policy;
    private final Map<String, MailboxState> mailboxes = new TreeMap<>();
    private final Map<String, DomainState> domains = new TreeMap<>();
    private final Map<String, Integer> limits = new TreeMap<>();
    private final List<String> out = new ArrayList<>();
    private long tick;

    HistoryReplay(ProtectionPolicy policy) {
        this.policy = policy;
    }

    List<String> replay(List<SuperkabeEvent> events) {
        events.forEach(this::apply);
        return out;
    }

    private void apply(SuperkabeEvent e) {
        switch (e) {
            case MailboxRegistered m -> {
                MailboxState s = mailboxes.getOrDefault(m.mailboxId(), MailboxState.unknown(m.mailboxId(), m.orgId(),
                        policy));
                mailbox(MailboxDecider.decide(s, new MailboxCommand.Register(m.address(), m.domain(), false, tick),
                        policy));
                domain(m.orgId(), m.domain());
            }
            case EmailSent s -> outcome(s.orgId(), s.mailboxId(), OutcomeClass.CLEAN, s.recipient(), s.requestTick());
            case EmailSendFailed f -> outcome(f.orgId(), f.mailboxId(), BounceRule.classify(f),
                    f.recipient(), f.requestTick());
            // an asynchronous bounce carries no tick: it is decided at the current one, as in the service
            case EmailBounced b -> outcome(b.orgId(), b.mailboxId(), BounceRule.classifyDsn(b.status(), b.smtpCode(),
                    b.diagnostic(), b.bounceClass(), b.category()), b.recipient(), tick);
            // a complaint carries no tick either; its domain is judged on its own rate as well
            case ComplaintReceived c -> {
                MailboxState s = mailboxes.get(c.mailboxId());
                if (s != null && s.orgId().equals(c.orgId())) {
                    mailbox(MailboxDecider.decide(s, new MailboxCommand.RecordComplaint(tick), policy));
                    if (s.registered()) {
                        domain(c.orgId(), s.domain());
                    }
                }
            }
            case ClockTicked t -> onTick(t.tick());
            default -> throw new IllegalArgumentException("not an input of protection: " + EventType.of(e));
        }
    }

    private void outcome(String orgId, String mailboxId, OutcomeClass cls, String recipient, long requestTick) {
        MailboxState s = mailboxes.getOrDefault(mailboxId, MailboxState.unknown(mailboxId, orgId, policy));
        MailboxDecision d = MailboxDecider.decide(s, new MailboxCommand.RecordOutcome(cls,
                RecipientEsp.ofRecipient(recipient), Math.max(tick, requestTick), false), policy);
        if (mailbox(d) && d.state().registered()) {
            domain(orgId, d.state().domain());
        }
    }

    private void onTick(long t) {
        if (t <= tick && tick > 0) {
            return;
        }
        tick = t;
        for (String key : List.copyOf(domains.keySet())) {
            DomainState d = domains.get(key);
            if (d.status().wire().equals("paused") && d.complaintHoldUntil() >= 0 && d.complaintHoldUntil() <= t) {
                domain(d.orgId(), d.domain());
            }
        }
        for (String id : List.copyOf(mailboxes.keySet())) {
            MailboxState s = mailboxes.get(id);
            if (!s.registered()) {
                continue;
            }
            MailboxDecision d = MailboxDecider.decide(s, new MailboxCommand.Tick(t), policy);
            boolean moved = mailbox(d);
            if (d.dnsCheckDue()) {
                moved |= mailbox(MailboxDecider.decide(d.state(), new MailboxCommand.DnsChecked(true, "all pass", t),
                        policy));
            }
            if (moved) {
                domain(s.orgId(), s.domain());
            }
        }
        out.add("tick " + t);
    }

    /** Applies a mailbox decision; true if it changed the mailbox's state machine. */
    private boolean mailbox(MailboxDecision d) {
        MailboxState s = d.state();
        mailboxes.put(s.mailboxId(), s);
        d.transitions().forEach(this::record);
        int limit = s.registered() ? WarmupLimits.of(s, tick, policy) : WarmupLimits.NONE;
        Integer before = limits.put(s.mailboxId(), limit);
        if (s.registered() && (before == null ? WarmupLimits.NONE : before) != limit) {
            out.add("limit " + s.mailboxId() + " " + s.status().wire() + " " + limit + " @" + tick);
        }
        return !d.transitions().isEmpty();
    }

    private void domain(String orgId, String domain) {
        DomainState current = domains.getOrDefault(orgId + "/" + domain, DomainState.healthy(orgId, domain));
        List<MailboxState> of = mailboxes.values().stream().filter(m -> m.registered() && domain.equals(m.domain())
                && orgId.equals(m.orgId())).toList();
        int unhealthy = (int) of.stream().filter(DomainState::unhealthy).count();
        int senderRejected = (int) of.stream().filter(m -> SenderRejections.pausedFor(m, policy)).count();
        ComplaintWindow.Figures complaints = new ComplaintWindow.Figures(0, 0, policy.complaints().windowDays());
        for (MailboxState m : of) {
            complaints = complaints.plus(m.complaints().figures(tick, policy, current.complaintsSince()));
        }
        DomainDecision d = DomainDecider.evaluate(current, of.size(), unhealthy, senderRejected, complaints, tick,
                policy);
        domains.put(orgId + "/" + domain, d.state());
        d.transition().ifPresent(t -> {
            record(t);
            boolean paused = d.state().status().wire().equals("paused");
            if (paused || current.status().wire().equals("paused")) {
                for (MailboxState m : of) {
                    mailbox(MailboxDecider.decide(mailboxes.get(m.mailboxId()), new MailboxCommand.DomainCascade(
                            paused, "Domain " + domain + (paused ? " paused" : " recovered"), tick), policy));
                }
            }
        });
    }

    private void record(Transition t) {
        out.add(t.entityType() + " " + t.entityId() + " " + t.from() + " -> " + t.to() + " [" + t.trigger() + "] @"
                + t.tick() + " cooldownUntil=" + t.cooldownUntil() + " canSend=" + t.canSend() + " : " + t.reason());
    }
}
