package com.superkabe.sequencer.bench;

import com.superkabe.events.run.SendRequested;
import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-reads every produced send against the rules, independently of the dispatcher's code: the
 * campaign's window at the send's instant, the mailbox's daily limit (UTC day), the campaign's daily
 * limit and per-mailbox override (campaign's day), the send gap between two sends of a mailbox, the
 * YELLOW budget over every run of consecutive sends of a mailbox, and the bulk-sender budget per sending
 * domain over 24 hours. Returns the number of violations.
 */
final class SendChecker {

    private final Map<String, CampaignDef> campaigns = new HashMap<>();
    private final int mailboxDailyLimit;
    private final DispatchPolicy.YellowBudget yellowBudget;

    SendChecker(List<CampaignDef> defs, int mailboxDailyLimit, DispatchPolicy.YellowBudget yellowBudget) {
        defs.forEach(d -> campaigns.put(d.campaignId(), d));
        this.mailboxDailyLimit = mailboxDailyLimit;
        this.yellowBudget = yellowBudget;
    }

    /** The benchmark's sending domains: ten mailboxes each ({@code mb-N} sends from {@code d(N/10).test}). */
    static String domainOf(String mailboxId) {
        return "d" + Integer.parseInt(mailboxId.substring(3)) / 10 + ".test";
    }

    int violations(List<SendRequested> sends, Set<String> yellowRuns) {
        int violations = 0;
        Map<String, Integer> perMailboxDay = new HashMap<>();
        Map<String, Integer> perCampaignDay = new HashMap<>();
        Map<String, Integer> perPairDay = new HashMap<>();
        Map<String, Instant> lastByMailbox = new HashMap<>();
        Map<String, List<Boolean>> yellowByMailbox = new HashMap<>();
        Map<String, List<Instant>> bulkByDomain = new HashMap<>();
        for (SendRequested s : sends) {
            CampaignDef c = campaigns.get(s.campaignId());
            Instant at = BenchClock.instant(s.tick());
            if (!c.rules().window().isOpen(at)) {
                violations++;
            }
            String utcDay = at.atZone(ZoneOffset.UTC).toLocalDate().toString();
            String campaignDay = at.atZone(c.rules().window().zone()).toLocalDate().toString();
            if (perMailboxDay.merge(s.mailboxId() + "/" + utcDay, 1, Integer::sum) > mailboxDailyLimit) {
                violations++;
            }
            Integer campaignLimit = c.rules().dailyLimit();
            if (campaignLimit != null && perCampaignDay.merge(c.campaignId() + "/" + campaignDay, 1, Integer::sum)
                    > campaignLimit) {
                violations++;
            }
            Integer override = c.rules().mailboxDailyLimits().get(s.mailboxId());
            if (override != null && perPairDay.merge(c.campaignId() + "/" + s.mailboxId() + "/" + campaignDay, 1,
                    Integer::sum) > override) {
                violations++;
            }
            if (!c.mailboxIds().contains(s.mailboxId())) {
                violations++;
            }
            Instant last = lastByMailbox.put(s.mailboxId(), at);
            if (last != null && Duration.between(last, at).toMinutes() < c.rules().sendGapMinutes()) {
                violations++;
            }
            String consumer = s.toAddress().endsWith("@gmail.com") ? "gmail"
                    : s.toAddress().endsWith("@outlook.com") ? "outlook" : null;
            if (consumer != null) { // the bulk-sender budget: per sending domain and rolling 24 hours
                List<Instant> times = bulkByDomain.computeIfAbsent(domainOf(s.mailboxId()) + "/" + consumer,
                        k -> new ArrayList<>());
                times.add(at);
                if (times.stream().filter(t -> t.isAfter(at.minus(Duration.ofDays(1)))).count()
                        > com.superkabe.sequencer.domain.dispatch.DispatchPolicy.DEFAULT_BULK_SENDER_BUDGET) {
                    violations++;
                }
            }
            List<Boolean> flags = yellowByMailbox.computeIfAbsent(s.mailboxId(), k -> new ArrayList<>());
            flags.add(yellowRuns.contains(s.runId()));
            int from = Math.max(0, flags.size() - yellowBudget.window());
            if (flags.subList(from, flags.size()).stream().filter(b -> b).count() > yellowBudget.maxYellow()) {
                violations++;
            }
        }
        return violations;
    }
}
