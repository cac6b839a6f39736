package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import com.superkabe.sequencer.domain.dispatch.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads into a tick's {@link DispatchPolicy} the rules, limits and usage of the campaigns, mailboxes
 * and pairs of a page that the tick has not seen yet: one query for the mailboxes' limits, one for
 * their usage, one for the campaigns' days and one for the overrides. Something not seen in an
 * earlier page has not sent in this tick, so the ledger's count of it is exact.
 */
final class TickUsage {

    /**
     * How far back a mailbox's last send matters: a day's count starts less than a day ago, and the
     * longest gap (1440 minutes plus a fifth of jitter) ends within 29 hours.
     */
    static final Duration HORIZON = Duration.ofDays(2);

    /** What the tick has already loaded. */
    static final class Loaded {
        final Set<String> campaigns = new HashSet<>();
        final Set<String> mailboxes = new HashSet<>();
        final Set<CampaignMailbox> pairs = new HashSet<>();
    }

    private final MailboxAvailability mailboxes;
    private final SendLedger ledger;

    TickUsage(MailboxAvailability mailboxes, SendLedger ledger) {
        this.mailboxes = mailboxes;
        this.ledger = ledger;
    }

    void load(DispatchPolicy policy, Instant now, List<RunView> page, Map<String, CampaignDef> defs, Loaded loaded) {
        Set<String> newMailboxes = new LinkedHashSet<>();
        Map<String, CampaignRules> newRules = new LinkedHashMap<>();
        Map<String, SendWindow.Day> campaignDays = new LinkedHashMap<>();
        Map<CampaignMailbox, SendWindow.Day> pairDays = new LinkedHashMap<>();
        for (RunView v : page) {
            CampaignDef def = defs.get(v.campaignId());
            CampaignRules r = def.rules();
            // routing may send a run from any mailbox of its campaign, besides the one it is on
            List<String> mailboxes = new java.util.ArrayList<>(def.mailboxIds());
            if (v.mailboxId() != null) {
                mailboxes.add(v.mailboxId());
            }
            if (loaded.campaigns.add(v.campaignId())) {
                newRules.put(v.campaignId(), r);
                campaignDays.put(v.campaignId(), r.window().dayOf(now));
            }
            for (String m : mailboxes) {
                if (loaded.mailboxes.add(m)) {
                    newMailboxes.add(m);
                }
                CampaignMailbox pair = new CampaignMailbox(v.campaignId(), m);
                if (r.mailboxDailyLimits().containsKey(m) && loaded.pairs.add(pair)) {
                    pairDays.put(pair, r.window().dayOf(now));
                }
            }
        }
        Map<String, Integer> byMailbox = new HashMap<>();
        Map<String, Instant> last = new HashMap<>();
        Map<String, Instant> next = new HashMap<>();
        if (!newMailboxes.isEmpty()) {
            ledger.mailboxUsage(newMailboxes, now.minus(HORIZON), DispatchPolicy.mailboxDay(now)).forEach((m, u) -> {
                byMailbox.put(m, u.sentInDay());
                last.put(m, u.lastSendAt());
                next.put(m, u.nextSendAt());
            });
        }
        Map<String, Integer> byCampaign = campaignDays.isEmpty() ? Map.of() : ledger.sentByCampaign(campaignDays);
        Map<String, Integer> byPair = new HashMap<>();
        if (!pairDays.isEmpty()) {
            ledger.sentByPair(pairDays).forEach((p, n) -> byPair.put(Usage.pair(p.campaignId(), p.mailboxId()), n));
        }
        policy.learn(newRules, newMailboxes.isEmpty() ? Map.of() : mailboxes.limits(newMailboxes),
                new Usage(byMailbox, byCampaign, byPair, last, next));
    }
}
