package com.superkabe.protection.application.replay;

import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxDnsChecked;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.ProtectionPolicyChanged;
import com.superkabe.events.protection.ProtectionSettingsPublished;
import com.superkabe.events.reply.ComplaintReceived;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.protection.domain.BounceRule;
import com.superkabe.protection.domain.ComplaintWindow;
import com.superkabe.protection.domain.Correlation;
import com.superkabe.protection.domain.DomainDecider;
import com.superkabe.protection.domain.DomainDecision;
import com.superkabe.protection.domain.DomainState;
import com.superkabe.protection.domain.DomainStatus;
import com.superkabe.protection.domain.MailboxCommand;
import com.superkabe.protection.domain.MailboxDecider;
import com.superkabe.protection.domain.MailboxDecision;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.MailboxStatus;
import com.superkabe.protection.domain.OutcomeClass;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.RecipientEsp;
import com.superkabe.protection.domain.RecordedPolicy;
import com.superkabe.protection.domain.SenderRejections;
import com.superkabe.protection.domain.TickSchedule;
import com.superkabe.protection.domain.Transition;
import com.superkabe.protection.domain.WarmupLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Replays protection's input events through the pure deciders the way ProtectionService and
 * StateApplier drive them: once-per-send counting, mailbox decisions, correlation (its counts taken
 * from the recorded {@code MailboxCorrelationChecked} when given, and compared with those derived
 * from the replayed mailboxes; see {@link CorrelationChecks}), the domain re-evaluation after each
 * mailbox transition and complaint, the domain's cascade, and the end of a complaint hold.
 * The policy is the one the topics record (ADR 0064): the service's settings from its last
 * {@code ProtectionSettingsPublished} (before the first: the given policy), each organization's
 * overrides from its last {@code ProtectionPolicyChanged}, and an optional adjustment on top (what-if).
 * An operator's transition, published with trigger {@code operator}, is applied as the service
 * applied it: the same forced or checked move, then the domain's re-evaluation and cascade. What
 * Each DNS check is decided from its recorded answer ({@link #withDnsChecks}); a check without one
 * (history from before ADR 0064) is assumed to pass. Each decided transition is returned with the
 * id of its cause.
 * <p>
 * A tick visits only the mailboxes it could change ({@link TickSchedule}, ADR 0056): the ones an
 * input changed since the last tick and the ones whose time-based rule is due. The visits happen in
 * mailbox-id order with the state as the earlier visits of the same tick left it, as the service's
 * walk over every due mailbox does; a skipped visit is one that would have decided nothing.
 */
public final class ProtectionReplay {

    /** A transition the replay decided, caused by the input event {@code causeId}. */
    public record Decision(String causeId, String orgId, Transition transition) {

        /** {@code mailbox:<id>} or {@code domain:<orgId>/<domain>}: one entity across organizations. */
        public String entityKey() {
            return transition.entityType().equals("domain") ? "domain:" + orgId + "/" + transition.entityId()
                    : "mailbox:" + transition.entityId();
        }
    }

    /** The service's settings in force: the given ones until a recorded ProtectionSettingsPublished. */
    private ProtectionPolicy service;
    /** Applied last to every organization's policy: what-if's changed settings (identity for verify). */
    private final UnaryOperator<ProtectionPolicy> adjust;
    private final Map<String, ProtectionPolicyChanged> overrides = new HashMap<>();
    private final Map<String, ProtectionPolicy> policies = new HashMap<>();
    private long settingsRecords;
    private long policyRecords;
    private long operatorActions;
    private final Map<String, MailboxState> mailboxes = new TreeMap<>();
    private final Map<String, DomainState> domains = new TreeMap<>();
    private final Map<String, Integer> limits = new HashMap<>();
    /** Mailboxes in a state the clock can move (the service's mailboxesDueOnTick, before its cooldown filter). */
    private final Set<String> clocked = new HashSet<>();
    /** Clocked mailboxes by the tick of their next possible tick decision (stale entries are skipped). */
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    /** The tick each scheduled mailbox is due at: the live entry of {@link #due}. */
    private final Map<String, Long> dueAt = new HashMap<>();
    /** Paused domains with a complaint hold: the only ones a tick can move. */
    private final TreeSet<String> held = new TreeSet<>();
    /** Registered mailboxes by organization and domain, as the service's mailboxesOfDomain. */
    private final Map<String, TreeSet<String>> byDomain = new HashMap<>();
    private final SeenOutcomes counted = new SeenOutcomes();
    /** The golden files' lines: collected only by {@link #replay}, nothing else reads them. */
    private List<String> lines;
    private final List<Decision> decided = new ArrayList<>();
    private String cause = "";
    private long tick;
    /** During a tick's walk: the mailbox being visited, the walk's remaining ids, and who else changed. */
    private String visiting;
    private TreeSet<String> walk;
    private final Set<String> touched = new HashSet<>();

    private record Due(long tick, String mailboxId) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return Long.compare(tick, o.tick);
        }
    }

    /** False only for the reference walk the equivalence test compares against. */
    private final boolean scheduled;

    /** Recorded DNS answers to decide from (ADR 0064); null: every check passes. */
    private DnsChecks dns;

    /** Recorded correlation checks to decide from (ADR 0063); null: every check from derived counts. */
    private final CorrelationChecks checks;

    /** A replay without recorded checks: correlation counts are derived from the replayed state (what-if). */
    public ProtectionReplay(ProtectionPolicy policy) {
        this(policy, UnaryOperator.identity(), true, null);
    }

    /**
     * A replay from {@code policy} until the topics record the service's settings, with
     * {@code adjust} applied to every organization's policy (what-if's changes); {@code checks} as
     * in {@link #ProtectionReplay(ProtectionPolicy, CorrelationChecks)}, or null.
     */
    public ProtectionReplay(ProtectionPolicy policy, UnaryOperator<ProtectionPolicy> adjust, CorrelationChecks checks) {
        this(policy, adjust, true, checks);
    }

    /** A replay that decides each correlation check from its record in {@code checks} where there is one (verify). */
    public ProtectionReplay(ProtectionPolicy policy, CorrelationChecks checks) {
        this(policy, UnaryOperator.identity(), true, checks);
    }

    private ProtectionReplay(ProtectionPolicy policy, UnaryOperator<ProtectionPolicy> adjust, boolean scheduled,
                             CorrelationChecks checks) {
        this.service = policy;
        this.adjust = adjust;
        this.scheduled = scheduled;
        this.checks = checks;
    }

    /** Decides each DNS check from its recorded answer in {@code checks} where there is one (ADR 0064). */
    public ProtectionReplay withDnsChecks(DnsChecks checks) {
        this.dns = checks;
        return this;
    }

    /** The straightforward replay: every tick visits every clocked mailbox and every domain. */
    static ProtectionReplay visitingEverything(ProtectionPolicy policy) {
        return new ProtectionReplay(policy, UnaryOperator.identity(), false, null);
    }

    /**
     * The input events protection consumes, the settings and policies it decided by, and operators'
     * transitions (published by protection itself, trigger {@code operator}); nothing else is replayed.
     */
    public static boolean isInput(SuperkabeEvent e) {
        return e instanceof MailboxRegistered || e instanceof EmailSent || e instanceof EmailSendFailed
                || e instanceof EmailBounced || e instanceof ComplaintReceived || e instanceof ClockTicked
                || e instanceof ProtectionSettingsPublished || e instanceof ProtectionPolicyChanged
                || e instanceof MailboxStateChanged m && Transition.OPERATOR.equals(m.trigger())
                || e instanceof DomainStateChanged d && Transition.OPERATOR.equals(d.trigger());
    }

    /** The policy an organization's decisions are made with now. */
    public ProtectionPolicy policy(String orgId) {
        return policies.computeIfAbsent(orgId, org -> {
            ProtectionPolicyChanged o = overrides.get(org);
            return adjust.apply(o == null ? service : RecordedPolicy.of(service, RecordedPolicy.overrides(o),
                    o.manualOverride()));
        });
    }

    /** How many recorded settings, policy changes and operator transitions the replay applied. */
    public record Applied(long settings, long policies, long operatorActions) {
    }

    public Applied recorded() {
        return new Applied(settingsRecords, policyRecords, operatorActions);
    }

    /** Replays a whole history; the decided facts as one line each (the golden files' unit). */
    public List<String> replay(List<SuperkabeEvent> events) {
        lines = lines == null ? new ArrayList<>() : lines;
        events.forEach(e -> apply("", e));
        return List.copyOf(lines);
    }

    /** Applies one input event and returns the transitions it caused. */
    public List<Decision> apply(String causeId, SuperkabeEvent e) {
        cause = causeId;
        decided.clear();
        switch (e) {
            case MailboxRegistered m -> {
                mailbox(MailboxDecider.decide(load(m.mailboxId(), m.orgId()),
                        new MailboxCommand.Register(m.address(), m.domain(), false, tick), policy(m.orgId())));
                domain(m.orgId(), m.domain());
            }
            case EmailSent s -> {
                if (counted.add(s.mailboxId(), SeenOutcomes.SENT, s.sendId())) {
                    outcome(s.orgId(), s.mailboxId(), OutcomeClass.CLEAN, s.recipient(), s.requestTick());
                }
            }
            case EmailSendFailed f -> failed(f);
            case EmailBounced b -> bounced(b);
            case ComplaintReceived c -> complaint(c);
            case ClockTicked t -> onTick(t.tick());
            case ProtectionSettingsPublished p -> {
                settingsRecords++;
                service = RecordedPolicy.policy(p.settings());
                policiesChanged(null);
            }
            case ProtectionPolicyChanged p -> {
                policyRecords++;
                overrides.put(p.orgId(), p);
                policiesChanged(p.orgId());
            }
            case MailboxStateChanged m -> operator(m);
            case DomainStateChanged d -> operator(d);
            default -> throw new IllegalArgumentException("not an input of protection: " + EventType.of(e));
        }
        return decided.isEmpty() ? List.of() : List.copyOf(decided);
    }

    /** Every entity's current state: {@code mailbox:<id>} and {@code domain:<orgId>/<domain>}. */
    public Map<String, String> states() {
        Map<String, String> out = new TreeMap<>();
        mailboxes.values().stream().filter(MailboxState::registered)
                .forEach(m -> out.put("mailbox:" + m.mailboxId(), m.status().wire()));
        domains.values().forEach(d -> out.put("domain:" + d.orgId() + "/" + d.domain(), d.status().wire()));
        return out;
    }

    public long tick() {
        return tick;
    }

    private MailboxState load(String mailboxId, String orgId) {
        MailboxState s = mailboxes.get(mailboxId);
        return s != null ? s : MailboxState.unknown(mailboxId, orgId, policy(orgId));
    }

    /**
     * After a change of settings or of an organization's policy ({@code orgId}; null: every one), the
     * cached policies are dropped and the clocked mailboxes concerned are visited at the next tick: a
     * shorter cooldown may make one due earlier than it was scheduled (a visit decides nothing if not).
     */
    private void policiesChanged(String orgId) {
        if (orgId == null) {
            policies.clear();
        } else {
            policies.remove(orgId);
        }
        for (String id : List.copyOf(clocked)) {
            MailboxState m = mailboxes.get(id);
            if (orgId == null || m.orgId().equals(orgId)) {
                schedule(m, tick + 1);
            }
        }
    }

    /**
     * An operator's mailbox transition as the service made it (OperatorService): the same target,
     * force and reason at the tick it was published with; then the domain's re-evaluation. A move the
     * replayed state refuses is not made, so the entity shows as diverging from its published steps.
     */
    private void operator(MailboxStateChanged m) {
        MailboxState s = mailboxes.get(m.mailboxId());
        Optional<MailboxStatus> target = MailboxStatus.parse(m.to());
        if (s == null || !s.registered() || !s.orgId().equals(m.orgId()) || target.isEmpty()) {
            return;
        }
        operatorActions++;
        MailboxDecision d = MailboxDecider.decide(s, new MailboxCommand.Operator(target.get(), m.reason(), m.actor(),
                m.forced(), m.tick()), policy(m.orgId()));
        if (!d.isRejected() && mailbox(d) && d.state().domain() != null) {
            domain(m.orgId(), d.state().domain());
        }
    }

    /** An operator's domain transition, as the service made it: counted, decided, then the cascade. */
    private void operator(DomainStateChanged e) {
        Optional<DomainStatus> target = DomainStatus.parse(e.to());
        List<MailboxState> of = ofDomain(e.orgId(), e.domain());
        if (of.isEmpty() || target.isEmpty()) {
            return;
        }
        operatorActions++;
        DomainState current = domains.getOrDefault(e.orgId() + "/" + e.domain(),
                DomainState.healthy(e.orgId(), e.domain()));
        DomainState counted = current.counted(of.size(), (int) of.stream().filter(DomainState::unhealthy).count());
        DomainDecision d = DomainDecider.operator(counted, target.get(), e.reason(), e.actor(), e.forced(), e.tick(),
                policy(e.orgId()));
        if (d.rejection() == null) {
            applyDomain(counted, d, e.domain());
        }
    }

    private void failed(EmailSendFailed f) {
        if (!counted.add(f.mailboxId(), SeenOutcomes.SENT, f.sendId())) {
            return;
        }
        OutcomeClass cls = BounceRule.classify(f);
        if (isBounce(cls) && !counted.add(f.mailboxId(), SeenOutcomes.BOUNCED, f.sendId())) {
            return;
        }
        outcome(f.orgId(), f.mailboxId(), cls, f.recipient(), f.requestTick());
    }

    // an asynchronous bounce carries no tick: it is decided at the current one, as in the service
    private void bounced(EmailBounced b) {
        OutcomeClass cls = BounceRule.classifyDsn(b.status(), b.smtpCode(), b.diagnostic(), b.bounceClass(),
                b.category());
        boolean dsn = b.sendId() == null || !isBounce(cls) && cls != OutcomeClass.SENDER_REJECTION;
        if (dsn ? counted.add(b.mailboxId(), SeenOutcomes.DSN, b.bounceId())
                : counted.add(b.mailboxId(), isBounce(cls) ? SeenOutcomes.BOUNCED : SeenOutcomes.SENDER, b.sendId())) {
            outcome(b.orgId(), b.mailboxId(), cls, b.recipient(), tick);
        }
    }

    // a complaint carries no tick either; its domain is judged on its own rate as well
    private void complaint(ComplaintReceived c) {
        MailboxState s = mailboxes.get(c.mailboxId());
        if (s == null || !s.orgId().equals(c.orgId()) || !counted.add(c.mailboxId(), SeenOutcomes.COMPLAINT,
                c.complaintId())) {
            return;
        }
        mailbox(MailboxDecider.decide(s, new MailboxCommand.RecordComplaint(tick), policy(c.orgId())));
        if (s.registered()) {
            domain(c.orgId(), s.domain());
        }
    }

    private static boolean isBounce(OutcomeClass cls) {
        return cls == OutcomeClass.COUNTED_BOUNCE || cls == OutcomeClass.EXCLUDED_BOUNCE;
    }

    private void outcome(String orgId, String mailboxId, OutcomeClass cls, String recipient, long requestTick) {
        MailboxState s = load(mailboxId, orgId);
        if (!s.orgId().equals(orgId)) {
            return;
        }
        MailboxCommand.RecordOutcome cmd = new MailboxCommand.RecordOutcome(cls, RecipientEsp.ofRecipient(recipient),
                Math.max(tick, requestTick), false);
        MailboxDecision d = MailboxDecider.decide(s, cmd, policy(orgId));
        if (d.pauseBreached()) {
            d = correlate(s, d, cmd);
            if (d == null) {
                return;
            }
        }
        if (mailbox(d) && d.state().registered()) {
            domain(orgId, d.state().domain());
        }
    }

    /**
     * As the service: provider scope spares the mailbox, domain scope pauses its domain too (null:
     * done). With recorded checks (ADR 0063) the check is decided from the mailbox's next record, as
     * the service decided it, and the counts derived from the replayed mailboxes are only compared;
     * without one (no checks given, or a history from before the records) the derived counts decide.
     */
    private MailboxDecision correlate(MailboxState before, MailboxDecision d, MailboxCommand.RecordOutcome cmd) {
        MailboxState s = d.state();
        Correlation.Counts derived = derivedCounts(d);
        Correlation.Counts counts = derived;
        CorrelationChecks.Check check = checks == null ? null : checks.next(s.mailboxId());
        if (checks != null) {
            checks.decided(check != null);
        }
        DomainState dom = s.domain() == null ? null
                : domains.getOrDefault(s.orgId() + "/" + s.domain(), DomainState.healthy(s.orgId(), s.domain()));
        ProtectionPolicy policy = policy(s.orgId());
        Correlation.Outcome o = Correlation.decide(before, d, cmd, derived, dom, policy);
        if (check != null) {
            Correlation.Counts recorded = recordedCounts(check);
            if (recorded == null || !recorded.equals(derived) || check.recorded().tick() != cmd.tick()) {
                Correlation.Outcome fromRecord = recorded == null ? o
                        : Correlation.decide(before, d, cmd, recorded, dom, policy);
                checks.diverged(new CorrelationChecks.Divergence(check, derived, cmd.tick(), cause,
                        recorded == null || !sameDecision(o, fromRecord)));
                counts = recorded == null ? derived : recorded;
                o = fromRecord;
            }
        }
        if (lines != null && check != null) {
            lines.add("correlation " + s.mailboxId() + " " + o.verdict().scope() + " from record: esp="
                    + counts.dominantEsp().map(Enum::name).orElse("-") + " onEsp=" + counts.mailboxesOnEsp()
                    + " failing=" + counts.siblingsFailing() + "/" + counts.domainSiblings() + " @" + cmd.tick()
                    + (counts.equals(derived) ? "" : " (derived: onEsp=" + derived.mailboxesOnEsp() + " failing="
                    + derived.siblingsFailing() + "/" + derived.domainSiblings() + ")"));
        }
        switch (o.verdict().scope()) {
            case PROVIDER -> {
                if (lines != null) {
                    lines.add("provider " + counts.dominantEsp().orElseThrow() + " spike " + s.mailboxId() + " @"
                            + cmd.tick());
                }
                return o.mailbox();
            }
            case DOMAIN -> {
                mailbox(o.mailbox());
                applyDomain(dom, o.domain().orElseThrow(), s.domain());
                return null;
            }
            default -> {
                return o.mailbox();
            }
        }
    }

    private static boolean sameDecision(Correlation.Outcome a, Correlation.Outcome b) {
        return a.verdict().scope() == b.verdict().scope() && a.mailbox().state().equals(b.mailbox().state())
                && a.domain().map(DomainDecision::state).equals(b.domain().map(DomainDecision::state));
    }

    /** The check's counts as the replayed mailboxes give them (the service reads the same from its rows). */
    private Correlation.Counts derivedCounts(MailboxDecision d) {
        MailboxState s = d.state();
        Optional<RecipientEsp> esp = Correlation.dominantEsp(d, policy(s.orgId()));
        int onEsp = esp.map(e -> 1 + (int) mailboxes.values().stream().filter(m -> m.orgId().equals(s.orgId())
                && !m.mailboxId().equals(s.mailboxId())
                && m.window().bouncesByEsp(m.window().capacity()).getOrDefault(e, 0) > 0).count()).orElse(0);
        List<MailboxState> siblings = s.domain() == null ? List.of() : ofDomain(s.orgId(), s.domain()).stream()
                .filter(m -> !m.mailboxId().equals(s.mailboxId())).toList();
        return new Correlation.Counts(esp, onEsp, siblings.size(),
                (int) siblings.stream().filter(DomainState::unhealthy).count());
    }

    /** The record's counts; null if its ESP is not one protection knows (reported, the derived counts decide). */
    private static Correlation.Counts recordedCounts(CorrelationChecks.Check check) {
        try {
            return Correlation.Counts.of(check.recorded());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** As the service: the mailboxes due on this tick first, then the domains whose complaint hold ended. */
    private void onTick(long t) {
        if (t <= tick && tick > 0) {
            return;
        }
        tick = t;
        walk = scheduled ? new TreeSet<>() : new TreeSet<>(clocked);
        for (Due d = due.peek(); d != null && d.tick() <= t; d = due.peek()) {
            due.poll();
            Long live = dueAt.get(d.mailboxId());
            if (live != null && live == d.tick()) {
                dueAt.remove(d.mailboxId());
                walk.add(d.mailboxId());
            }
        }
        for (String id = walk.pollFirst(); id != null; id = walk.pollFirst()) {
            visiting = id;
            boolean moved = visit(mailboxes.get(id), t);
            visiting = null;
            MailboxState now = mailboxes.get(id);
            schedule(now, moved ? t + 1 : TickSchedule.next(now, t, policy(now.orgId())));
        }
        walk = null;
        for (String id : touched) {
            schedule(mailboxes.get(id), t + 1);
        }
        touched.clear();
        for (String key : List.copyOf(scheduled ? held : domains.keySet())) {
            DomainState d = domains.get(key);
            if (d.status().wire().equals("paused") && d.complaintHoldUntil() >= 0 && d.complaintHoldUntil() <= t) {
                domain(d.orgId(), d.domain());
            }
        }
        if (lines != null) {
            lines.add("tick " + t);
        }
    }

    /** One mailbox's tick decision, as the service's walk makes it; true if the mailbox moved. */
    private boolean visit(MailboxState s, long t) {
        if (!dueOnTick(s, t)) {
            return false;
        }
        ProtectionPolicy policy = policy(s.orgId());
        MailboxDecision d = MailboxDecider.decide(s, new MailboxCommand.Tick(t), policy);
        boolean moved = mailbox(d);
        if (d.dnsCheckDue()) {
            moved |= mailbox(MailboxDecider.decide(d.state(), dnsAnswer(d.state(), t), policy));
        }
        if (moved) {
            domain(s.orgId(), s.domain());
        }
        return moved;
    }

    /** The recorded answer of the check (ADR 0064); without one, a pass. */
    private MailboxCommand.DnsChecked dnsAnswer(MailboxState s, long t) {
        MailboxDnsChecked r = dns == null ? null : dns.answer(s.orgId(), s.mailboxId(), s.domain(), t);
        return r == null ? new MailboxCommand.DnsChecked(true, "all pass", t)
                : MailboxCommand.DnsChecked.of(r, t);
    }

    /** Keeps the earliest tick a clocked mailbox is due at; others are never visited. */
    private void schedule(MailboxState s, long at) {
        if (!scheduled || at == TickSchedule.NEVER || !clocked.contains(s.mailboxId())) {
            return;
        }
        Long current = dueAt.get(s.mailboxId());
        if (current == null || at < current) {
            dueAt.put(s.mailboxId(), at);
            due.add(new Due(at, s.mailboxId()));
        }
    }

    /**
     * A mailbox an input (or another mailbox's decision) changed is due at the next tick. During a
     * tick's walk, one the service's walk has still ahead (it was clocked when the tick began) is
     * visited in this walk, with its new state, as the service does.
     */
    private void changed(MailboxState s, boolean wasClocked) {
        String id = s.mailboxId();
        if (walk == null) {
            schedule(s, tick);
        } else if (!id.equals(visiting) && touched.add(id) && wasClocked && id.compareTo(visiting) > 0) {
            walk.add(id);
        }
    }

    private static boolean dueOnTick(MailboxState s, long t) {
        return s.registered() && switch (s.status()) {
            case PAUSED -> s.cascadeFrom() == null && !s.manualReview() && s.cooldownUntil() <= t;
            case QUARANTINE, WARM_RECOVERY, WARMING -> true;
            default -> false;
        };
    }

    /** Applies a mailbox decision; true if it changed the mailbox's state machine. */
    private boolean mailbox(MailboxDecision d) {
        MailboxState s = d.state();
        MailboxState previous = mailboxes.put(s.mailboxId(), s);
        boolean wasClocked = switch (s.status()) {
            case PAUSED, QUARANTINE, WARM_RECOVERY, WARMING -> !clocked.add(s.mailboxId());
            default -> clocked.remove(s.mailboxId());
        };
        changed(s, wasClocked);
        if (s.registered() && s.domain() != null && (previous == null || !previous.registered()
                || !s.domain().equals(previous.domain()))) {
            byDomain.computeIfAbsent(s.orgId() + "/" + s.domain(), k -> new TreeSet<>()).add(s.mailboxId());
        }
        d.transitions().forEach(t -> record(s.orgId(), t));
        if (lines != null) {
            // the limits only feed the golden lines
            int limit = s.registered() ? WarmupLimits.of(s, tick, policy(s.orgId())) : WarmupLimits.NONE;
            Integer before = limits.put(s.mailboxId(), limit);
            if (s.registered() && (before == null ? WarmupLimits.NONE : before) != limit) {
                lines.add("limit " + s.mailboxId() + " " + s.status().wire() + " " + limit + " @" + tick);
            }
        }
        return !d.transitions().isEmpty();
    }

    private List<MailboxState> ofDomain(String orgId, String domain) {
        TreeSet<String> ids = byDomain.get(orgId + "/" + domain);
        return ids == null ? List.of() : ids.stream().map(mailboxes::get)
                .filter(m -> m.registered() && domain.equals(m.domain()) && orgId.equals(m.orgId())).toList();
    }

    private void domain(String orgId, String domain) {
        DomainState current = domains.getOrDefault(orgId + "/" + domain, DomainState.healthy(orgId, domain));
        List<MailboxState> of = ofDomain(orgId, domain);
        ProtectionPolicy policy = policy(orgId);
        int unhealthy = (int) of.stream().filter(DomainState::unhealthy).count();
        int senderRejected = (int) of.stream().filter(m -> SenderRejections.pausedFor(m, policy)).count();
        ComplaintWindow.Figures complaints = new ComplaintWindow.Figures(0, 0, policy.complaints().windowDays());
        for (MailboxState m : of) {
            complaints = complaints.plus(m.complaints().figures(tick, policy, current.complaintsSince()));
        }
        applyDomain(current, DomainDecider.evaluate(current, of.size(), unhealthy, senderRejected, complaints, tick,
                policy), domain);
    }

    private void applyDomain(DomainState current, DomainDecision d, String domain) {
        String orgId = current.orgId();
        String key = orgId + "/" + domain;
        domains.put(key, d.state());
        if (d.state().status().wire().equals("paused") && d.state().complaintHoldUntil() >= 0) {
            held.add(key);
        } else {
            held.remove(key);
        }
        d.transition().ifPresent(t -> {
            record(orgId, t);
            boolean paused = d.state().status().wire().equals("paused");
            if (paused || current.status().wire().equals("paused")) {
                for (MailboxState m : ofDomain(orgId, domain)) {
                    mailbox(MailboxDecider.decide(mailboxes.get(m.mailboxId()), new MailboxCommand.DomainCascade(
                            paused, "Domain " + domain + (paused ? " paused" : " recovered"), tick), policy(orgId)));
                }
            }
        });
    }

    private void record(String orgId, Transition t) {
        decided.add(new Decision(cause, orgId, t));
        if (lines == null) {
            return;
        }
        lines.add(t.entityType() + " " + t.entityId() + " " + t.from() + " -> " + t.to() + " [" + t.trigger() + "] @"
                + t.tick() + " cooldownUntil=" + t.cooldownUntil() + " canSend=" + t.canSend() + " : " + t.reason());
    }
}
