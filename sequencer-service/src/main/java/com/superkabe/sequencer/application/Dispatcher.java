package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunPolicyHeld;
import com.superkabe.events.run.SendRequested;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.events.run.PolicyAction;
import com.superkabe.events.run.SendPolicy;
import com.superkabe.sequencer.domain.RunDecider;
import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.policy.PolicyGate;
import com.superkabe.sequencer.domain.policy.PolicySettings;
import com.superkabe.sequencer.domain.Suppression;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;
import com.superkabe.sequencer.domain.dispatch.EspRecord;
import com.superkabe.sequencer.domain.dispatch.EspThrottle;
import com.superkabe.sequencer.domain.dispatch.HoldReason;
import com.superkabe.sequencer.domain.dispatch.Usage;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher of one tick: pages through the due runs (due tick, run id), routes each to a mailbox
 * ({@link Routing}: sticky while eligible, otherwise the best by ESP-aware score), lets the
 * {@link DispatchPolicy} decide whether it may go now at the tick's logical instant (window, caps,
 * gap, YELLOW budget), refuses every send of an organization without a postal address, dispatches and
 * records each resulting send in the {@link SendLedger}. Held runs stay due. A hold that holds a whole
 * campaign, mailbox or pair for the rest of the tick removes its runs from the following pages, so
 * held runs sorting first cannot use up the scan limit and starve runs due later. Every input of a
 * choice (availability, usage, ESP records, addresses) comes from the ordered input or the sequencer's
 * own ledger, so replay chooses the same.
 */
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Routing's performance horizon: the last 30 days. */
    static final long PERFORMANCE_DAYS = 30;

    private final Campaigns campaigns;
    private final RunCommands runs;
    private final RunViews views;
    private final MailboxAvailability mailboxes;
    private final TickUsage usage;
    private final SendLedger ledger;
    private final OrgSuppression suppression;
    private final DispatchPaging paging;
    private final EspStats espStats;
    private final MailingAddresses addresses;
    private final SendingSettings settings;
    private final DispatchObserver observer;
    private final EspThrottles throttles;
    private final LeadPauses leadPauses;

    Dispatcher(Campaigns campaigns, RunCommands runs, RunViews views, MailboxAvailability mailboxes,
               SendLedger ledger, OrgSuppression suppression, DispatchPaging paging, EspStats espStats,
               MailingAddresses addresses, SendingSettings settings, DispatchObserver observer, EspThrottles throttles,
               LeadPauses leadPauses) {
        this.throttles = throttles;
        this.leadPauses = leadPauses;
        this.campaigns = campaigns;
        this.runs = runs;
        this.views = views;
        this.mailboxes = mailboxes;
        this.usage = new TickUsage(mailboxes, ledger);
        this.ledger = ledger;
        this.suppression = suppression;
        this.paging = paging;
        this.espStats = espStats;
        this.addresses = addresses;
        this.settings = settings;
        this.observer = observer;
    }

    /** What one tick has learnt so far. */
    private final class Tick {
        final Map<String, CampaignDef> defs = new HashMap<>();
        final Set<String> unknown = new HashSet<>();
        final Map<HoldReason, Integer> held = new EnumMap<>(HoldReason.class);
        final Map<PolicyGate.NotAllowed, Integer> denied = new HashMap<>();
        final Set<String> pausedLeads = new HashSet<>();
        final TickUsage.Loaded loaded = new TickUsage.Loaded();
        final Map<String, MailboxStatus> status = new HashMap<>();
        final Map<String, String> mailingAddress = new HashMap<>();
        final Set<String> orgsWithoutAddress = new HashSet<>();
        final Set<String> bulkDomains = new HashSet<>();
        final Map<RecipientEsp, Map<String, EspRecord>> performance = new EnumMap<>(RecipientEsp.class);
        /** The (ESP, mailbox) records loaded so far: absent from {@link #performance} means none. */
        final Map<RecipientEsp, Set<String>> performanceLoaded = new EnumMap<>(RecipientEsp.class);
        final DispatchPolicy policy;

        Tick(Instant now) {
            policy = new DispatchPolicy(now, Map.of(), Map.of(), Usage.NONE).withYellowBudget(settings.yellowBudget())
                    .withBulkSenderBudget(settings.bulkSenderDailyBudget());
        }
    }

    void dispatch(Envelope cause, ClockTicked t, int batch) {
        Instant now = t.logicalInstant();
        Tick tick = new Tick(now);
        Blocking blocking = new Blocking();
        // a paused campaign's runs are left out of the due query: they stay due for its resumption
        blocking.campaigns.addAll(campaigns.dispatchPaused());
        // runs of a mailbox that became unable to send at this very tick are left out; from the next tick
        // on they are read again, held per (campaign, mailbox) pair, and moved once their campaign's
        // reassignAfterTicks has passed — a constant horizon, so replay reads the same pages
        long unavailableBefore = t.tick() - 1;
        RunViews.DueCursor cursor = null;
        int dispatched = 0;
        int scanned = 0;
        while (dispatched < batch && scanned < paging.scanLimit()) {
            List<RunView> page = views.due(t.tick(), cursor, blocking.snapshot(), unavailableBefore, paging.page());
            if (page.isEmpty()) {
                break;
            }
            List<RunView> known = learn(tick, page, now, t.tick());
            learnPausedLeads(tick, known);
            blocking.campaigns.addAll(tick.unknown);
            Map<String, Suppression> suppressed = suppression.ofRuns(known);
            for (RunView due : known) {
                if (dispatched >= batch) {
                    break;
                }
                if (blocking.blocks(due)) {
                    continue; // held with an earlier run of this page for the rest of the tick
                }
                if (dispatchOne(cause, t, tick, blocking, due, suppressed.get(due.runId()))) {
                    dispatched++;
                }
            }
            scanned += page.size();
            cursor = RunViews.DueCursor.after(page.getLast());
            if (page.size() < paging.page()) {
                break;
            }
        }
        tick.denied.forEach((n, count) -> observer.denied(n.policy(), n.action(), count));
        if (!tick.held.isEmpty()) {
            observer.held(t.tick(), tick.held);
            log.debug("Tick {} ({}): dispatched {}, held {}", t.tick(), now, dispatched, tick.held);
        }
    }

    private boolean dispatchOne(Envelope cause, ClockTicked t, Tick tick, Blocking blocking, RunView due,
                                Suppression suppressed) {
        CampaignDef c = tick.defs.get(due.campaignId());
        List<StepTemplate> steps = c.stepsOf(due.campaignVersion());
        if (due.currentStep() >= steps.size()) {
            return false; // a run past its version's last step has nothing to send (never decided so)
        }
        StepTemplate step = steps.get(due.currentStep());
        long nextDelay = c.delayBefore(due.campaignVersion(), due.currentStep() + 1);
        PolicySettings settings = c.rules().policies();
        // the gate's policies before routing: the lead's pause, the step's condition
        boolean leadPaused = tick.pausedLeads.contains(due.leadId());
        String address = tick.mailingAddress.get(c.orgId());
        if (leadPaused || step.condition() != null) {
            PolicyGate.Facts facts = new PolicyGate.Facts(leadPaused, address != null, null);
            List<RunEvent> decided = runs.execute(new RunCommand.Evaluate(due.runId(), step, facts, settings, nextDelay,
                    t.tick()), cause);
            countDenials(tick, decided);
            if (leadPaused || decided.stream().anyMatch(e -> !(e instanceof RunPolicyHeld h)
                    || h.policy() == SendPolicy.STEP_CONDITION)) {
                return false;
            }
        }
        if (suppressed != null) { // the last check before a send: the decider ends the run
            runs.execute(new RunCommand.Dispatch(due.runId(), step, t.tick(), suppressed), cause);
            tick.denied.merge(new PolicyGate.NotAllowed(SendPolicy.SUPPRESSION, "", PolicyAction.FAIL), 1,
                    Integer::sum);
            return false;
        }
        if (address == null) {
            deny(cause, t, tick, blocking, due, step, settings, nextDelay, HoldReason.NO_MAILING_ADDRESS,
                    DispatchPolicy.Scope.CAMPAIGN, null);
            return false;
        }
        Routing.Route route = Routing.route(due, c, t.tick(), tick.policy, tick.status,
                tick.performance.getOrDefault(due.esp(), Map.of()));
        if (route instanceof Routing.Hold h) {
            deny(cause, t, tick, blocking, due, step, settings, nextDelay, h.reason(), h.scope(), h.mailboxId());
            return false;
        }
        Routing.Go go = (Routing.Go) route;
        String mailbox = go.mailboxId();
        RunCommand.SendExtras extras = new RunCommand.SendExtras(address, c.rules().euComplianceMode(),
                EventIds.derive("batch/" + mailbox + "/" + t.tick()));
        List<RunEvent> events = runs.execute(new RunCommand.Dispatch(due.runId(), step,
                t.tick(), null, mailbox, go.reason(), extras), cause);
        if (events.stream().noneMatch(SendRequested.class::isInstance)) {
            return false;
        }
        DispatchPolicy.Candidate candidate = Routing.candidate(due, mailbox);
        ledger.record(new SendLedger.Entry(due.runId(), due.campaignId(), mailbox, t.tick(), t.logicalInstant(),
                tick.policy.nextSendAfterSending(candidate), due.yellow(), tick.policy.sendingDomain(mailbox),
                candidate.consumerEsp(), due.esp()));
        tick.policy.sent(candidate);
        return true;
    }

    /**
     * The gate does not allow the step for a hold of routing (or compliance): the run records it once per
     * (policy, reason) and applies the campaign's action. A deferred step stays due, and its hold's scope
     * keeps the runs it also holds out of this tick's next pages; a paused, failed or skipped one leaves
     * the due set by itself, so every run is evaluated.
     */
    private void deny(Envelope cause, ClockTicked t, Tick tick, Blocking blocking, RunView due, StepTemplate step,
                      PolicySettings settings, long nextDelay, HoldReason reason, DispatchPolicy.Scope scope,
                      String mailboxId) {
        tick.held.merge(reason, 1, Integer::sum);
        PolicyGate.NotAllowed n = PolicyGate.deny(reason, settings);
        tick.denied.merge(new PolicyGate.NotAllowed(n.policy(), "", n.action()), 1, Integer::sum);
        boolean recorded = RunDecider.heldKey(n.policy(), n.reason()).equals(due.heldBy());
        if (n.action() != PolicyAction.DEFER || !recorded) {
            boolean compliance = reason == HoldReason.NO_MAILING_ADDRESS;
            runs.execute(new RunCommand.Evaluate(due.runId(), step, new PolicyGate.Facts(false, !compliance,
                    compliance ? null : reason), settings, nextDelay, t.tick()), cause);
        }
        if (n.action() == PolicyAction.DEFER) {
            blocking.add(scope, due.campaignId(), mailboxId);
        }
    }

    private static void countDenials(Tick tick, List<RunEvent> decided) {
        decided.stream().filter(RunPolicyHeld.class::isInstance).map(RunPolicyHeld.class::cast)
                .forEach(h -> tick.denied.merge(new PolicyGate.NotAllowed(h.policy(), "", h.action()), 1,
                        Integer::sum));
    }

    /** The paused leads among a page's runs, once per page and organization. */
    private void learnPausedLeads(Tick tick, List<RunView> page) {
        Map<String, Set<String>> byOrg = new java.util.TreeMap<>();
        page.forEach(v -> byOrg.computeIfAbsent(v.orgId(), o -> new HashSet<>()).add(v.leadId()));
        byOrg.forEach((org, leads) -> tick.pausedLeads.addAll(leadPauses.pausedLeads(org, leads)));
    }

    /** Loads what the page needs and the tick has not seen yet; returns the runs of known campaigns. */
    private List<RunView> learn(Tick tick, List<RunView> page, Instant now, long atTick) {
        page.stream().map(RunView::campaignId).distinct()
                .filter(id -> !tick.defs.containsKey(id) && !tick.unknown.contains(id))
                .forEach(id -> campaigns.find(id).ifPresentOrElse(c -> tick.defs.put(id, c), () -> tick.unknown.add(id)));
        List<RunView> known = page.stream().filter(v -> tick.defs.containsKey(v.campaignId())).toList();
        Set<String> newMailboxes = new HashSet<>();
        Set<String> newOrgs = new HashSet<>();
        for (RunView v : known) {
            CampaignDef c = tick.defs.get(v.campaignId());
            for (String m : c.mailboxIds()) {
                if (!tick.status.containsKey(m)) {
                    newMailboxes.add(m);
                }
            }
            if (v.mailboxId() != null && !tick.status.containsKey(v.mailboxId())) {
                newMailboxes.add(v.mailboxId());
            }
            if (!tick.mailingAddress.containsKey(c.orgId()) && !tick.orgsWithoutAddress.contains(c.orgId())) {
                newOrgs.add(c.orgId());
            }
        }
        if (!newOrgs.isEmpty()) {
            Map<String, String> found = addresses.mailingAddresses(newOrgs);
            tick.mailingAddress.putAll(found);
            newOrgs.stream().filter(o -> !found.containsKey(o)).forEach(tick.orgsWithoutAddress::add);
        }
        if (!newMailboxes.isEmpty()) {
            Map<String, MailboxStatus> st = mailboxes.status(newMailboxes);
            // a consumer sending domain (a personal gmail.com mailbox) is not a bulk sender's domain: no budget
            Map<String, String> domains = new HashMap<>();
            st.forEach((m, s) -> {
                if (s.domain() != null && RecipientEsp.consumerProvider(s.domain()).isEmpty()) {
                    domains.put(m, s.domain());
                }
            });
            Set<String> newDomains = new HashSet<>();
            domains.values().stream().filter(tick.bulkDomains::add).forEach(newDomains::add);
            tick.policy.learnBulk(domains, newDomains.isEmpty() ? Map.of()
                    : ledger.bulkUsage(newDomains, now.minus(java.time.Duration.ofDays(1))));
            learnThrottles(tick, newMailboxes, atTick);
            newMailboxes.forEach(m -> tick.status.put(m, st.getOrDefault(m, MailboxStatus.AVAILABLE)));
            tick.policy.learnRecentSends(ledger.recentYellow(newMailboxes, settings.yellowBudget().window()));
        }
        // each (recipient ESP, candidate mailbox) record is loaded once per tick, whichever page first needs it
        Map<RecipientEsp, Set<String>> missing = new EnumMap<>(RecipientEsp.class);
        for (RunView v : known) {
            Set<String> loadedFor = tick.performanceLoaded.computeIfAbsent(v.esp(), e -> new HashSet<>());
            for (String m : tick.defs.get(v.campaignId()).mailboxIds()) {
                if (loadedFor.add(m)) {
                    missing.computeIfAbsent(v.esp(), e -> new HashSet<>()).add(m);
                }
            }
        }
        long fromDay = Math.floorDiv(atTick, settings.ticksPerDay()) - PERFORMANCE_DAYS + 1;
        missing.forEach((esp, mailboxIds) -> tick.performance.computeIfAbsent(esp, e -> new HashMap<>())
                .putAll(espStats.since(mailboxIds, esp, fromDay)));
        usage.load(tick.policy, now, known, tick.defs, tick.loaded);
        return known;
    }

    /** The hourly sends left to each throttled (mailbox, ESP) pair of these mailboxes. */
    private void learnThrottles(Tick tick, Set<String> mailboxIds, long atTick) {
        Map<String, Map<RecipientEsp, EspThrottle>> throttled = throttles.throttles(mailboxIds);
        if (throttled.isEmpty()) {
            return;
        }
        Map<String, Integer> sent = ledger.sentByMailboxEsp(throttled.keySet(),
                atTick - EspThrottle.windowTicks(settings.retry().secondsPerTick()) + 1);
        Map<String, Integer> left = new HashMap<>();
        throttled.forEach((m, byEsp) -> byEsp.forEach((esp, t) -> left.put(SendLedger.mailboxEspKey(m, esp),
                t.hourlyLimit() - sent.getOrDefault(SendLedger.mailboxEspKey(m, esp), 0))));
        tick.policy.learnThrottles(left);
    }

    /** What the holds of this tick so far exclude from the next pages. */
    private static final class Blocking {
        final Set<String> campaigns = new HashSet<>();
        final Set<String> mailboxes = new HashSet<>();
        final Set<CampaignMailbox> pairs = new HashSet<>();

        void add(DispatchPolicy.Scope scope, String campaignId, String mailboxId) {
            switch (scope) {
                case CAMPAIGN -> campaigns.add(campaignId);
                case MAILBOX -> {
                    if (mailboxId != null) {
                        mailboxes.add(mailboxId);
                    }
                }
                case PAIR -> {
                    if (mailboxId != null) {
                        pairs.add(new CampaignMailbox(campaignId, mailboxId));
                    }
                }
                case NONE -> {
                }
            }
        }

        RunViews.Blocked snapshot() {
            return new RunViews.Blocked(campaigns, mailboxes, pairs);
        }

        boolean blocks(RunView v) {
            String mailbox = v.mailboxId() == null ? "" : v.mailboxId();
            return campaigns.contains(v.campaignId()) || mailboxes.contains(mailbox)
                    || pairs.contains(new CampaignMailbox(v.campaignId(), mailbox));
        }
    }
}
