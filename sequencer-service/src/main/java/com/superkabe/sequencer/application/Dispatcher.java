package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.Suppression;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;
import com.superkabe.sequencer.domain.dispatch.HoldReason;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import com.superkabe.sequencer.domain.dispatch.Usage;
import com.superkabe.sequencer.domain.dispatch.Verdict;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher of one tick: pages through the due runs (due tick, run id), lets the
 * {@link DispatchPolicy} decide which may go now at the tick's logical instant, dispatches those on
 * their sticky mailbox and records each resulting send in the {@link SendLedger}. Held runs stay due.
 * Each page reads the ledger afresh, so sends of earlier pages of the same tick count.
 */
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Due runs read per page. */
    static final int PAGE = 500;
    /** Due runs looked at per tick at most, held or not, so a tick's transaction stays bounded. */
    static final int SCAN_LIMIT = 20_000;

    private final Campaigns campaigns;
    private final RunCommands runs;
    private final RunViews views;
    private final MailboxAvailability mailboxes;
    private final SendLedger ledger;
    private final OrgSuppression suppression;

    Dispatcher(Campaigns campaigns, RunCommands runs, RunViews views, MailboxAvailability mailboxes,
               SendLedger ledger, OrgSuppression suppression) {
        this.campaigns = campaigns;
        this.runs = runs;
        this.views = views;
        this.mailboxes = mailboxes;
        this.ledger = ledger;
        this.suppression = suppression;
    }

    void dispatch(Envelope cause, ClockTicked t, int batch) {
        Instant now = t.logicalInstant();
        Map<String, CampaignDef> defs = new HashMap<>();
        Map<HoldReason, Integer> held = new EnumMap<>(HoldReason.class);
        RunViews.DueCursor cursor = null;
        int dispatched = 0;
        int scanned = 0;
        while (dispatched < batch && scanned < SCAN_LIMIT) {
            List<RunView> page = views.due(t.tick(), cursor, PAGE);
            if (page.isEmpty()) {
                break;
            }
            page.stream().map(RunView::campaignId).distinct().filter(id -> !defs.containsKey(id))
                    .forEach(id -> campaigns.find(id).ifPresent(c -> defs.put(id, c)));
            List<RunView> known = page.stream().filter(v -> defs.containsKey(v.campaignId())).toList();
            DispatchPolicy policy = policy(now, known, defs);
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
                    continue;
                }
                CampaignDef c = defs.get(due.campaignId());
                List<RunEvent> events = runs.execute(new RunCommand.Dispatch(due.runId(),
                        c.steps().get(due.currentStep()), t.tick(), suppressed.get(due.runId())), cause);
                if (events.stream().anyMatch(SendRequested.class::isInstance)) {
                    ledger.record(new SendLedger.Entry(due.runId(), due.campaignId(), due.mailboxId(), t.tick(), now));
                    policy.sent(candidate);
                    dispatched++;
                }
            }
            scanned += page.size();
            cursor = RunViews.DueCursor.after(page.getLast());
            if (page.size() < PAGE) {
                break;
            }
        }
        if (!held.isEmpty()) {
            log.debug("Tick {} ({}): dispatched {}, held {}", t.tick(), now, dispatched, held);
        }
    }

    /** The policy for one page: the rules and limits of its campaigns and mailboxes, and their usage today. */
    private DispatchPolicy policy(Instant now, List<RunView> page, Map<String, CampaignDef> defs) {
        Set<String> mailboxIds = new LinkedHashSet<>();
        Set<String> campaignIds = new LinkedHashSet<>();
        Set<List<String>> pairs = new LinkedHashSet<>();
        page.forEach(v -> {
            mailboxIds.add(v.mailboxId());
            campaignIds.add(v.campaignId());
            pairs.add(List.of(v.campaignId(), v.mailboxId()));
        });
        SendWindow.Day mailboxDay = DispatchPolicy.mailboxDay(now);
        Map<String, Integer> byMailbox = new HashMap<>();
        Map<String, Instant> lastSend = new HashMap<>();
        for (String m : mailboxIds) {
            byMailbox.put(m, ledger.sentByMailbox(m, mailboxDay.from(), mailboxDay.to()));
            ledger.lastSendAt(m).ifPresent(at -> lastSend.put(m, at));
        }
        Map<String, CampaignRules> rules = new HashMap<>();
        Map<String, Integer> byCampaign = new HashMap<>();
        for (String id : campaignIds) {
            CampaignRules r = defs.get(id).rules();
            rules.put(id, r);
            SendWindow.Day day = r.window().dayOf(now);
            byCampaign.put(id, ledger.sentByCampaign(id, day.from(), day.to()));
        }
        Map<String, Integer> byPair = new HashMap<>();
        for (List<String> p : pairs) {
            CampaignRules r = rules.get(p.get(0));
            if (r.mailboxDailyLimits().containsKey(p.get(1))) {
                SendWindow.Day day = r.window().dayOf(now);
                byPair.put(Usage.pair(p.get(0), p.get(1)),
                        ledger.sentByCampaignAndMailbox(p.get(0), p.get(1), day.from(), day.to()));
            }
        }
        return new DispatchPolicy(now, rules, mailboxes.limits(mailboxIds),
                new Usage(byMailbox, byCampaign, byPair, lastSend));
    }
}
