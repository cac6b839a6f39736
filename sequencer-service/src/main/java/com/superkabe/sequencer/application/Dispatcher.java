package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.Suppression;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;
import com.superkabe.sequencer.domain.dispatch.HoldReason;
import com.superkabe.sequencer.domain.dispatch.Usage;
import com.superkabe.sequencer.domain.dispatch.Verdict;
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
 * The dispatcher of one tick: pages through the due runs (due tick, run id), lets the
 * {@link DispatchPolicy} decide which may go now at the tick's logical instant, dispatches those on
 * their sticky mailbox and records each resulting send in the {@link SendLedger}. Held runs stay due.
 * A hold that holds a whole campaign, mailbox or pair for the rest of the tick (window, caps, gap)
 * removes its runs from the following pages, so held runs sorting first cannot use up the scan limit
 * and starve runs due later. One policy serves the whole tick: each page loads only the campaigns,
 * mailboxes and pairs it has not seen yet, in one query per kind.
 */
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Campaigns campaigns;
    private final RunCommands runs;
    private final RunViews views;
    private final TickUsage usage;
    private final SendLedger ledger;
    private final OrgSuppression suppression;
    private final DispatchPaging paging;

    Dispatcher(Campaigns campaigns, RunCommands runs, RunViews views, MailboxAvailability mailboxes,
               SendLedger ledger, OrgSuppression suppression, DispatchPaging paging) {
        this.campaigns = campaigns;
        this.runs = runs;
        this.views = views;
        this.usage = new TickUsage(mailboxes, ledger);
        this.ledger = ledger;
        this.suppression = suppression;
        this.paging = paging;
    }

    void dispatch(Envelope cause, ClockTicked t, int batch) {
        Instant now = t.logicalInstant();
        Map<String, CampaignDef> defs = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        Map<HoldReason, Integer> held = new EnumMap<>(HoldReason.class);
        TickUsage.Loaded loaded = new TickUsage.Loaded();
        DispatchPolicy policy = new DispatchPolicy(now, Map.of(), Map.of(), Usage.NONE);
        Blocking blocking = new Blocking();
        // a paused campaign's runs are left out of the due query: they stay due for its resumption
        blocking.campaigns.addAll(campaigns.dispatchPaused());
        RunViews.DueCursor cursor = null;
        int dispatched = 0;
        int scanned = 0;
        while (dispatched < batch && scanned < paging.scanLimit()) {
            List<RunView> page = views.due(t.tick(), cursor, blocking.snapshot(), paging.page());
            if (page.isEmpty()) {
                break;
            }
            page.stream().map(RunView::campaignId).distinct().filter(id -> !defs.containsKey(id) && !unknown.contains(id))
                    .forEach(id -> campaigns.find(id).ifPresentOrElse(c -> defs.put(id, c), () -> unknown.add(id)));
            unknown.forEach(blocking.campaigns::add);
            List<RunView> known = page.stream().filter(v -> defs.containsKey(v.campaignId())).toList();
            usage.load(policy, now, known, defs, loaded);
            Map<String, Suppression> suppressed = suppression.ofRuns(known);
            for (RunView due : known) {
                if (dispatched >= batch) {
                    break;
                }
                DispatchPolicy.Candidate candidate = new DispatchPolicy.Candidate(due.runId(), due.campaignId(),
                        due.mailboxId());
                Verdict verdict = policy.consider(candidate);
                if (verdict instanceof Verdict.Hold h) {
                    held.merge(h.reason(), 1, Integer::sum);
                    blocking.add(policy.scope(candidate, h.reason()), candidate);
                    continue;
                }
                CampaignDef c = defs.get(due.campaignId());
                List<RunEvent> events = runs.execute(new RunCommand.Dispatch(due.runId(),
                        c.steps().get(due.currentStep()), t.tick(), suppressed.get(due.runId())), cause);
                if (events.stream().anyMatch(SendRequested.class::isInstance)) {
                    ledger.record(new SendLedger.Entry(due.runId(), due.campaignId(), due.mailboxId(), t.tick(), now,
                            policy.nextSendAfterSending(candidate)));
                    policy.sent(candidate);
                    dispatched++;
                }
            }
            scanned += page.size();
            cursor = RunViews.DueCursor.after(page.getLast());
            if (page.size() < paging.page()) {
                break;
            }
        }
        if (!held.isEmpty()) {
            log.debug("Tick {} ({}): dispatched {}, held {}", t.tick(), now, dispatched, held);
        }
    }

    /** What the holds of this tick so far exclude from the next pages. */
    private static final class Blocking {
        final Set<String> campaigns = new HashSet<>();
        final Set<String> mailboxes = new HashSet<>();
        final Set<CampaignMailbox> pairs = new HashSet<>();

        void add(DispatchPolicy.Scope scope, DispatchPolicy.Candidate c) {
            switch (scope) {
                case CAMPAIGN -> campaigns.add(c.campaignId());
                case MAILBOX -> mailboxes.add(c.mailboxId());
                case PAIR -> pairs.add(new CampaignMailbox(c.campaignId(), c.mailboxId()));
            }
        }

        RunViews.Blocked snapshot() {
            return new RunViews.Blocked(campaigns, mailboxes, pairs);
        }
    }
}
