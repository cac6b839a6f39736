package com.superkabe.protection.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.protection.DnsVerdict;
import com.superkabe.events.protection.MailboxCorrelationChecked;
import com.superkabe.events.protection.MailboxDnsChecked;
import com.superkabe.events.protection.ProtectionWatermark;
import com.superkabe.events.protection.ProviderSpikeDetected;
import com.superkabe.events.reply.ComplaintReceived;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.SendOutcome;
import com.superkabe.protection.domain.BounceRule;
import com.superkabe.protection.domain.Correlation;
import com.superkabe.protection.domain.DomainState;
import com.superkabe.protection.domain.MailboxCommand;
import com.superkabe.protection.domain.MailboxDecider;
import com.superkabe.protection.domain.MailboxDecision;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.OutcomeClass;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.RecipientEsp;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protection layer's inputs, one call per input event inside the inbound transaction (which
 * dedupes by event id; sends are also deduped by send id). Every change to a registered mailbox
 * happens under its domain's lock, so cascades and domain counts see a consistent picture.
 */
public class ProtectionService {

    private static final Logger log = LoggerFactory.getLogger(ProtectionService.class);
    /** counted_sends key of a send already counted as a bounce (at SMTP time or by a DSN). */
    private static final String BOUNCED = "bounced:";
    /** Emitter entity of a mailbox's correlation checks (their ids are derived from the cause, like the rest). */
    private static final String CHECK = "correlation:";

    private final ProtectionStore store;
    private final Policies policies;
    private final StateApplier applier;
    private final DomainAuthCheck auth;
    private final Emitter.Factory emitters;
    private final MeterRegistry meters;

    public ProtectionService(ProtectionStore store, Policies policies, StateApplier applier, DomainAuthCheck auth,
                             Emitter.Factory emitters, MeterRegistry meters) {
        this.store = store;
        this.policies = policies;
        this.applier = applier;
        this.auth = auth;
        this.emitters = emitters;
        this.meters = meters;
    }

    public void onMailboxRegistered(Envelope cause) {
        MailboxRegistered m = cause.payloadAs(MailboxRegistered.class);
        store.lock(domainKey(m.orgId(), m.domain()));
        MailboxState current = lockAndLoad(m.mailboxId(), m.orgId());
        long tick = store.currentTick();
        MailboxDecision d = MailboxDecider.decide(current, new MailboxCommand.Register(m.address(), m.domain(), false,
                tick), policies.policy(m.orgId()));
        Emitter em = emitters.causedBy(cause);
        applier.mailbox(d, tick, em, false);
        store.saveProvider(m.mailboxId(), m.provider());
        applier.reevaluateDomain(m.orgId(), m.domain(), tick, em);
    }

    /** See {@link ProtectionStore#lockAll}; called once per batch transaction, before its outcomes. */
    public void lockAll(java.util.Collection<String> mailboxIds) {
        store.lockAll(mailboxIds);
    }

    public void onSendOutcome(Envelope cause) {
        SendOutcome o = cause.payloadAs(SendOutcome.class);
        if (!store.firstCount(o.mailboxId(), o.sendId())) {
            log.info("Outcome {} repeats send {} of mailbox {}; not counted again", cause.id(), o.sendId(),
                    o.mailboxId());
            meters.counter("superkabe_protection_outcomes", "kind", "repeated_send").increment();
            return;
        }
        OutcomeClass cls = BounceRule.classify(o);
        if (isBounce(cls) && !store.firstCount(o.mailboxId(), BOUNCED + o.sendId())) {
            log.info("Outcome {}: send {} of mailbox {} already counted as bounced (DSN); not counted again",
                    cause.id(), o.sendId(), o.mailboxId());
            meters.counter("superkabe_protection_outcomes", "kind", "repeated_send").increment();
            return;
        }
        record(cause, o.orgId(), o.mailboxId(), cls, recipient(o), Math.max(store.currentTick(), o.requestTick()));
    }

    /**
     * An asynchronous bounce (a DSN the reply poller found, ADR 0015): the same path as a send
     * outcome, classified by {@link BounceRule#classifyDsn}: a sender-side category of the bounce
     * taxonomy is a sender rejection (once per send), anything else is judged on its status. The inbox dedupes the
     * event id (the poller derives it from mailbox, DSN and recipient, so a re-polled DSN repeats
     * it); a permanent bounce of a matched send also counts once per send, whether it was first
     * reported at SMTP time or by another DSN. A DSN for a send counted as sent still counts
     * (ADR 0010 §2): the window gets one more entry.
     */
    public void onBounce(Envelope cause) {
        EmailBounced b = cause.payloadAs(EmailBounced.class);
        OutcomeClass cls = BounceRule.classifyDsn(b.status(), b.smtpCode(), b.diagnostic(), b.bounceClass(),
                b.category());
        String key = b.sendId() == null ? "dsn:" + b.bounceId()
                : isBounce(cls) ? BOUNCED + b.sendId()
                : cls == OutcomeClass.SENDER_REJECTION ? "sender:" + b.sendId() : "dsn:" + b.bounceId();
        if (!store.firstCount(b.mailboxId(), key)) {
            log.info("Bounce {} ({}) of mailbox {} was counted before; not counted again", cause.id(), key,
                    b.mailboxId());
            meters.counter("superkabe_protection_outcomes", "kind", "repeated_bounce").increment();
            return;
        }
        record(cause, b.orgId(), b.mailboxId(), cls, b.recipient(), store.currentTick());
    }

    /**
     * A spam complaint (an ARF report the reply poller found, ADR 0026): counted in the mailbox's
     * complaint window and judged on its rate at once; the mailbox's domain is judged on its own rate
     * too, whether or not the mailbox moved. Deduped by event id (inbox) and by complaint id.
     */
    public void onComplaint(Envelope cause) {
        ComplaintReceived c = cause.payloadAs(ComplaintReceived.class);
        if (!store.firstCount(c.mailboxId(), "complaint:" + c.complaintId())) {
            meters.counter("superkabe_protection_outcomes", "kind", "repeated_complaint").increment();
            return;
        }
        Optional<MailboxState> known = store.mailbox(c.mailboxId());
        if (known.isEmpty() || !known.get().orgId().equals(c.orgId())) {
            log.warn("Complaint {} names mailbox {} unknown in organization {}; ignored", cause.id(), c.mailboxId(),
                    c.orgId());
            meters.counter("superkabe_protection_outcomes", "kind", "foreign").increment();
            return;
        }
        known.filter(MailboxState::registered).ifPresent(m -> store.lock(domainKey(m.orgId(), m.domain())));
        MailboxState current = lockAndLoad(c.mailboxId(), c.orgId());
        long tick = store.currentTick();
        meters.counter("superkabe_protection_outcomes", "kind", "complaint").increment();
        MailboxDecision d = MailboxDecider.decide(current, new MailboxCommand.RecordComplaint(tick),
                policies.policy(c.orgId()));
        Emitter em = emitters.causedBy(cause);
        applier.mailbox(d, tick, em, false);
        if (d.state().registered() && d.state().domain() != null) {
            applier.reevaluateDomain(c.orgId(), d.state().domain(), tick, em);
        }
    }

    private static boolean isBounce(OutcomeClass cls) {
        return cls == OutcomeClass.COUNTED_BOUNCE || cls == OutcomeClass.EXCLUDED_BOUNCE;
    }

    /** One classified outcome of a mailbox, decided on under its domain's and its own lock. */
    private void record(Envelope cause, String orgId, String mailboxId, OutcomeClass cls, String recipient,
                        long tick) {
        Optional<MailboxState> known = store.mailbox(mailboxId);
        if (known.isPresent() && !known.get().orgId().equals(orgId)) {
            log.warn("Outcome {} names organization {} but mailbox {} belongs to another; ignored", cause.id(),
                    orgId, mailboxId);
            meters.counter("superkabe_protection_outcomes", "kind", "foreign").increment();
            return;
        }
        known.filter(MailboxState::registered).ifPresent(m -> store.lock(domainKey(m.orgId(), m.domain())));
        MailboxState current = lockAndLoad(mailboxId, orgId);
        if (!current.registered()) {
            log.warn("Outcome {} for mailbox {} that is not registered (yet): windowed, decided on at registration",
                    cause.id(), mailboxId);
        }
        meters.counter("superkabe_protection_outcomes", "kind", cls.name().toLowerCase(Locale.ROOT)).increment();
        MailboxCommand.RecordOutcome cmd = new MailboxCommand.RecordOutcome(cls, RecipientEsp.ofRecipient(recipient),
                tick, false);
        ProtectionPolicy policy = policies.policy(orgId);
        MailboxDecision d = MailboxDecider.decide(current, cmd, policy);
        Emitter em = emitters.causedBy(cause);
        if (d.pauseBreached()) {
            correlate(current, d, cmd, policy, em);
        } else {
            applier.mailbox(d, tick, em, true);
        }
    }

    /**
     * Before a pause: mailbox, domain or provider scope? The counts of other mailboxes the check
     * needs are read once, published as {@link MailboxCorrelationChecked} ahead of every event the
     * check leads to (same outbox transaction), and the check is decided from that record by
     * {@link Correlation#decide} (ADR 0063): a replay of the topics re-decides it from the record.
     */
    private void correlate(MailboxState before, MailboxDecision d, MailboxCommand.RecordOutcome cmd,
                           ProtectionPolicy p, Emitter em) {
        MailboxState s = d.state();
        Optional<RecipientEsp> esp = Correlation.dominantEsp(d, p);
        int onEsp = esp.map(e -> store.mailboxesWithBouncesOn(s.orgId(), e.name(), s.mailboxId()) + 1).orElse(0);
        int[] siblings = s.domain() == null ? new int[] {0, 0} : store.siblings(s.orgId(), s.domain(), s.mailboxId());
        MailboxCorrelationChecked checked = new Correlation.Counts(esp, onEsp, siblings[0], siblings[1])
                .recorded(s, cmd.tick());
        em.emit(CHECK + s.mailboxId(), cmd.tick(), checked);
        DomainState dom = s.domain() == null ? null : store.domain(s.orgId(), s.domain())
                .orElseGet(() -> DomainState.healthy(s.orgId(), s.domain()));
        Correlation.Outcome o = Correlation.decide(before, d, cmd, Correlation.Counts.of(checked), dom, p);
        meters.counter("superkabe_protection_correlations", "scope",
                o.verdict().scope().name().toLowerCase(Locale.ROOT)).increment();
        switch (o.verdict().scope()) {
            case PROVIDER -> {
                applier.mailbox(o.mailbox(), cmd.tick(), em, true);
                em.emit("provider:" + checked.dominantEsp(), cmd.tick(), new ProviderSpikeDetected(s.orgId(),
                        checked.dominantEsp(), s.mailboxId(), checked.mailboxesOnEsp(),
                        s.window().bounces(p.pauseWindow()), o.verdict().reason(), cmd.tick()));
            }
            case DOMAIN -> {
                applier.mailbox(o.mailbox(), cmd.tick(), em, false);
                applier.domain(dom, o.domain().orElseThrow(), cmd.tick(), em);
            }
            case MAILBOX -> applier.mailbox(o.mailbox(), cmd.tick(), em, true);
        }
    }

    public void onTick(Envelope cause) {
        ClockTicked t = cause.payloadAs(ClockTicked.class);
        if (t.tick() <= store.currentTick() && store.currentTick() > 0) {
            return;
        }
        store.saveTick(t.tick());
        Emitter em = emitters.causedBy(cause);
        for (String id : store.mailboxesDueOnTick(t.tick())) {
            MailboxState m = store.mailbox(id).orElseThrow();
            store.lock(domainKey(m.orgId(), m.domain()));
            MailboxState current = lockAndLoad(id, m.orgId());
            ProtectionPolicy p = policies.policy(current.orgId());
            MailboxDecision d = MailboxDecider.decide(current, new MailboxCommand.Tick(t.tick()), p);
            applier.mailbox(d, t.tick(), em, true);
            if (d.dnsCheckDue()) {
                checkDns(d.state(), t.tick(), p, em);
            }
        }
        for (String[] held : store.domainsHeldUntil(t.tick())) {
            store.lock(domainKey(held[0], held[1]));
            applier.reevaluateDomain(held[0], held[1], t.tick(), em);
        }
        // Same transaction as the tick's decisions: a consumer that sees the watermark sees them too.
        em.emit("watermark", t.tick(), new ProtectionWatermark(t.tick()));
    }

    /**
     * Asks DNS, publishes the answer as {@code MailboxDnsChecked} ahead of the decision in the same
     * transaction (ADR 0064), and decides from that record, as the replay does.
     */
    private void checkDns(MailboxState m, long tick, ProtectionPolicy p, Emitter em) {
        DomainAuthCheck.Result r = auth.check(m.domain());
        MailboxDnsChecked answer = new MailboxDnsChecked(m.orgId(), m.mailboxId(), m.domain(),
                DnsVerdict.valueOf(r.verdict().name()), r.detail(), tick);
        em.emit("dns:" + m.mailboxId(), tick, answer);
        store.recordDnsCheck(m.orgId(), m.domain(), tick, r.verdict().name(), r.detail());
        meters.counter("superkabe_protection_dns_checks", "verdict", r.verdict().name().toLowerCase(Locale.ROOT))
                .increment();
        MailboxDecision d = MailboxDecider.decide(m, MailboxCommand.DnsChecked.of(answer), p);
        applier.mailbox(d, tick, em, true);
    }

    private MailboxState lockAndLoad(String mailboxId, String orgId) {
        store.lock("mailbox:" + mailboxId);
        return store.mailbox(mailboxId).orElseGet(() -> MailboxState.unknown(mailboxId, orgId,
                policies.policy(orgId)));
    }

    static String domainKey(String orgId, String domain) {
        return "domain:" + orgId + "/" + domain;
    }

    private static String recipient(SendOutcome o) {
        return o instanceof EmailSendFailed f ? f.recipient()
                : ((com.superkabe.events.send.EmailSent) o).recipient();
    }
}
