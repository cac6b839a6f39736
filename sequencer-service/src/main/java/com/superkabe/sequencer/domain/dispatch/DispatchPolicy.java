package com.superkabe.sequencer.domain.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher's rules for one tick (seed 002, "Sending Window & Daily Caps"), as a pure function
 * of the logical instant, the campaigns' rules, the mailboxes' limits and what was already sent.
 * A due run is held when its campaign's window is closed, when any of the four daily caps that
 * apply to it is used up (the smallest remaining capacity wins), or when its mailbox is still within
 * a send gap: the gap a send fixed for its mailbox when it happened (whichever campaign sent), or the
 * candidate's own campaign's gap since the mailbox's last send; the longer wins. A held run keeps its sticky mailbox and
 * is simply considered again at the next tick. Runs are considered in the order given (due tick,
 * then run id), so the same inputs always pick the same runs.
 */
public final class DispatchPolicy {

    /** A due run on a mailbox it could be sent from; {@code yellow}: its lead counts against the YELLOW budget. */
    public record Candidate(String runId, String campaignId, String mailboxId, boolean yellow,
                            com.superkabe.events.lead.RecipientEsp consumerEsp,
                            com.superkabe.events.lead.RecipientEsp esp) {
        public Candidate(String runId, String campaignId, String mailboxId, boolean yellow) {
            this(runId, campaignId, mailboxId, yellow, null, null);
        }

        public Candidate(String runId, String campaignId, String mailboxId) {
            this(runId, campaignId, mailboxId, false);
        }
    }

    /** Gmail's and Outlook's bulk-sender line is 5,000 a day; the default budget keeps a margin under it. */
    public static final int DEFAULT_BULK_SENDER_BUDGET = 4_500;

    /**
     * How far a hold reaches for the rest of the tick: everything of the campaign, the mailbox, or the
     * pair; NONE: only this run (the reason is the lead's own, such as the YELLOW budget).
     */
    public enum Scope { CAMPAIGN, MAILBOX, PAIR, NONE }

    /** At most {@code maxYellow} YELLOW recipients among any {@code window} consecutive sends of a mailbox. */
    public record YellowBudget(int maxYellow, int window) {
        public static final YellowBudget DEFAULT = new YellowBudget(2, 60);

        public YellowBudget {
            if (maxYellow < 0 || window < 1 || maxYellow > window) {
                throw new IllegalArgumentException("YELLOW budget needs 0 <= maxYellow <= window and window >= 1");
            }
        }
    }

    /** Jitter is at most this fraction of the gap ("a small random jitter"), in whole seconds. */
    static final int JITTER_DIVISOR = 5;

    private final Instant now;
    private final Map<String, CampaignRules> campaigns;
    private final Map<String, MailboxLimits> mailboxes;
    private final Map<String, Integer> mailboxSent;
    private final Map<String, Integer> campaignSent;
    private final Map<String, Integer> pairSent;
    private final Map<String, Instant> lastSendAt;
    private final Map<String, Instant> nextSendAt;
    private final Map<String, java.util.ArrayDeque<Boolean>> recentYellow = new HashMap<>();
    private YellowBudget yellowBudget = YellowBudget.DEFAULT;
    private final Map<String, String> mailboxDomains = new HashMap<>();
    private final Map<String, Integer> bulkUsed = new HashMap<>();
    private int bulkSenderBudget = DEFAULT_BULK_SENDER_BUDGET;
    /** Sends left this hour per throttled (mailbox, ESP) pair, keyed mailbox NUL ESP. */
    private final Map<String, Integer> throttleLeft = new HashMap<>();

    public DispatchPolicy(Instant now, Map<String, CampaignRules> campaigns, Map<String, MailboxLimits> mailboxes,
                          Usage usage) {
        this.now = now;
        this.campaigns = new HashMap<>(campaigns);
        this.mailboxes = new HashMap<>(mailboxes);
        this.mailboxSent = new HashMap<>(usage.mailboxSentToday());
        this.campaignSent = new HashMap<>(usage.campaignSentToday());
        this.pairSent = new HashMap<>(usage.campaignMailboxSentToday());
        this.lastSendAt = new HashMap<>(usage.lastSendAt());
        this.nextSendAt = new HashMap<>(usage.nextSendAt());
    }

    /**
     * Adds what a later page brought: rules, limits and usage of campaigns, mailboxes and pairs not
     * seen yet in this tick. Known entries are kept, since they already count this tick's sends.
     */
    public void learn(Map<String, CampaignRules> moreCampaigns, Map<String, MailboxLimits> moreMailboxes, Usage usage) {
        moreCampaigns.forEach(campaigns::putIfAbsent);
        moreMailboxes.forEach(mailboxes::putIfAbsent);
        usage.mailboxSentToday().forEach(mailboxSent::putIfAbsent);
        usage.campaignSentToday().forEach(campaignSent::putIfAbsent);
        usage.campaignMailboxSentToday().forEach(pairSent::putIfAbsent);
        usage.lastSendAt().forEach(lastSendAt::putIfAbsent);
        usage.nextSendAt().forEach(nextSendAt::putIfAbsent);
    }

    /** The daily budget per sending domain for consumer Gmail and for consumer Outlook recipients. */
    public DispatchPolicy withBulkSenderBudget(int budget) {
        this.bulkSenderBudget = budget;
        return this;
    }

    /**
     * The sending domains of mailboxes and, for domains not seen yet in this tick, their sends today to
     * consumer Gmail and Outlook addresses ({@link Usage#bulkKey}).
     */
    public void learnBulk(Map<String, String> domains, Map<String, Integer> usedToday) {
        domains.forEach(mailboxDomains::putIfAbsent);
        usedToday.forEach(bulkUsed::putIfAbsent);
    }

    /**
     * The throttled (mailbox, ESP) pairs of mailboxes not seen yet in this tick: the sends each may still
     * make in the current hour (its hourly limit minus what it sent in the last 60 ticks).
     */
    public void learnThrottles(Map<String, Integer> sendsLeft) {
        sendsLeft.forEach(throttleLeft::putIfAbsent);
    }

    /** The sending domain of a mailbox, or null when it is not known. */
    public String sendingDomain(String mailboxId) {
        return mailboxDomains.get(mailboxId);
    }

    /** The YELLOW budget in force for this tick. */
    public DispatchPolicy withYellowBudget(YellowBudget budget) {
        this.yellowBudget = budget;
        return this;
    }

    /**
     * The latest sends of mailboxes not seen yet in this tick, newest first, each true when it went to
     * a YELLOW recipient (at most the budget's window is kept).
     */
    public void learnRecentSends(Map<String, List<Boolean>> newestFirst) {
        newestFirst.forEach((m, flags) -> recentYellow.computeIfAbsent(m, k -> {
            java.util.ArrayDeque<Boolean> d = new java.util.ArrayDeque<>();
            flags.stream().limit(yellowBudget.window()).forEach(d::addLast);
            return d;
        }));
    }

    /** The day a mailbox's caps count in: its UTC calendar day (mailboxes carry no time zone). */
    public static SendWindow.Day mailboxDay(Instant now) {
        return SendWindow.Day.of(now, java.time.ZoneOffset.UTC);
    }

    /** Considers every candidate in order, counting each dispatched one as sent. */
    public List<Verdict> decide(List<Candidate> due) {
        List<Verdict> verdicts = new ArrayList<>(due.size());
        for (Candidate c : due) {
            Verdict v = consider(c);
            if (v instanceof Verdict.Send) {
                sent(c);
            }
            verdicts.add(v);
        }
        return verdicts;
    }

    /** Whether {@code c} may be sent now. Does not count it: call {@link #sent} once it really was. */
    public Verdict consider(Candidate c) {
        CampaignRules rules = campaigns.getOrDefault(c.campaignId(), CampaignRules.UNLIMITED);
        MailboxLimits limits = mailboxes.getOrDefault(c.mailboxId(), MailboxLimits.NONE);
        if (!rules.window().isOpen(now)) {
            return new Verdict.Hold(c.runId(), c.mailboxId(), HoldReason.WINDOW_CLOSED);
        }
        int mailboxCount = mailboxSent.getOrDefault(c.mailboxId(), 0);
        long smallest = Long.MAX_VALUE;
        HoldReason exhausted = null;
        // Protection first: when several caps are used up, the reason names the one that wins anyway.
        long[] remaining = {
            remaining(limits.warmupLimit(), mailboxCount),
            remaining(limits.dailyLimit(), mailboxCount),
            remaining(rules.dailyLimit(), campaignSent.getOrDefault(c.campaignId(), 0)),
            remaining(rules.mailboxDailyLimits().get(c.mailboxId()),
                    pairSent.getOrDefault(Usage.pair(c.campaignId(), c.mailboxId()), 0))};
        HoldReason[] reasons = {HoldReason.WARMUP_LIMIT, HoldReason.MAILBOX_DAILY_LIMIT,
            HoldReason.CAMPAIGN_DAILY_LIMIT, HoldReason.CAMPAIGN_MAILBOX_LIMIT};
        for (int i = 0; i < remaining.length; i++) {
            if (remaining[i] <= 0 && exhausted == null) {
                exhausted = reasons[i];
            }
            smallest = Math.min(smallest, remaining[i]);
        }
        if (exhausted != null) {
            return new Verdict.Hold(c.runId(), c.mailboxId(), exhausted);
        }
        if (mailboxSpacing(c.mailboxId()) || ownGapSpacing(c, rules)) {
            return new Verdict.Hold(c.runId(), c.mailboxId(), HoldReason.SEND_GAP);
        }
        if (c.yellow() && yellowBudgetSpent(c.mailboxId())) {
            return new Verdict.Hold(c.runId(), c.mailboxId(), HoldReason.YELLOW_BUDGET);
        }
        if (c.esp() != null && throttleLeft.getOrDefault(throttleKey(c), 1) <= 0) {
            return new Verdict.Hold(c.runId(), c.mailboxId(), HoldReason.ESP_THROTTLED);
        }
        String domain = mailboxDomains.get(c.mailboxId());
        if (c.consumerEsp() != null && domain != null
                && bulkUsed.getOrDefault(Usage.bulkKey(domain, c.consumerEsp()), 0) >= bulkSenderBudget) {
            return new Verdict.Hold(c.runId(), c.mailboxId(), HoldReason.BULK_SENDER_BUDGET);
        }
        return new Verdict.Send(c.runId(), c.mailboxId(), smallest);
    }

    /**
     * Which due runs the hold of {@code c} for {@code reason} also holds for the rest of this tick:
     * windows do not move within a tick, counts and gaps only grow, so these are held anyway.
     */
    public Scope scope(Candidate c, HoldReason reason) {
        return switch (reason) {
            case WINDOW_CLOSED, CAMPAIGN_DAILY_LIMIT -> Scope.CAMPAIGN;
            case WARMUP_LIMIT, MAILBOX_DAILY_LIMIT -> Scope.MAILBOX;
            case CAMPAIGN_MAILBOX_LIMIT -> Scope.PAIR;
            case SEND_GAP -> mailboxSpacing(c.mailboxId()) ? Scope.MAILBOX : Scope.PAIR;
            case MAILBOX_UNAVAILABLE -> Scope.PAIR;
            case NO_MAILING_ADDRESS -> Scope.CAMPAIGN;
            case YELLOW_BUDGET, NO_ELIGIBLE_MAILBOX, BULK_SENDER_BUDGET, ESP_THROTTLED -> Scope.NONE;
        };
    }

    /**
     * Whether one more YELLOW send would put more than the budget's YELLOW recipients into some window of
     * consecutive sends: the newest {@code window - 1} sends plus this one.
     */
    private boolean yellowBudgetSpent(String mailboxId) {
        java.util.ArrayDeque<Boolean> recent = recentYellow.get(mailboxId);
        if (recent == null) {
            return yellowBudget.maxYellow() == 0;
        }
        int yellow = 0;
        int seen = 0;
        for (Boolean flag : recent) {
            if (seen++ >= yellowBudget.window() - 1) {
                break;
            }
            yellow += flag ? 1 : 0;
        }
        return yellow + 1 > yellowBudget.maxYellow();
    }

    private static String throttleKey(Candidate c) {
        return c.mailboxId() + "\u0000" + c.esp().name();
    }

    /** The gap an earlier send fixed for the mailbox, whichever campaign made it, is not over. */
    private boolean mailboxSpacing(String mailboxId) {
        Instant next = nextSendAt.get(mailboxId);
        return next != null && now.isBefore(next);
    }

    /** The candidate's own campaign's gap since the mailbox's last send is not over. */
    private boolean ownGapSpacing(Candidate c, CampaignRules rules) {
        Instant last = lastSendAt.get(c.mailboxId());
        return rules.sendGapMinutes() > 0 && last != null
                && now.isBefore(last.plus(gapAfter(c.mailboxId(), last, rules.sendGapMinutes())));
    }

    /** The instant before which a mailbox that sent at {@code at} for a campaign with this gap may not send again. */
    public static Instant nextSendAt(String mailboxId, Instant at, int gapMinutes) {
        return gapMinutes == 0 ? at : at.plus(gapAfter(mailboxId, at, gapMinutes));
    }

    /** The instant before which the mailbox may not send again after a send of {@code c} now. */
    public Instant nextSendAfterSending(Candidate c) {
        return nextSendAt(c.mailboxId(), now,
                campaigns.getOrDefault(c.campaignId(), CampaignRules.UNLIMITED).sendGapMinutes());
    }

    /** Counts a send of {@code c} at this tick against every cap and the mailbox's gap. */
    public void sent(Candidate c) {
        mailboxSent.merge(c.mailboxId(), 1, Integer::sum);
        campaignSent.merge(c.campaignId(), 1, Integer::sum);
        pairSent.merge(Usage.pair(c.campaignId(), c.mailboxId()), 1, Integer::sum);
        lastSendAt.put(c.mailboxId(), now);
        String domain = mailboxDomains.get(c.mailboxId());
        if (c.consumerEsp() != null && domain != null) {
            bulkUsed.merge(Usage.bulkKey(domain, c.consumerEsp()), 1, Integer::sum);
        }
        if (c.esp() != null) {
            throttleLeft.computeIfPresent(throttleKey(c), (k, left) -> left - 1);
        }
        java.util.ArrayDeque<Boolean> recent = recentYellow.computeIfAbsent(c.mailboxId(), k -> new java.util.ArrayDeque<>());
        recent.addFirst(c.yellow());
        while (recent.size() > yellowBudget.window()) {
            recent.removeLast();
        }
        nextSendAt.merge(c.mailboxId(), nextSendAfterSending(c), (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * The spacing required after a mailbox's send at {@code lastSend}: the gap plus a jitter of up to
     * a fifth of it. The jitter is a hash of the mailbox and that send's instant, so it is fixed the
     * moment the send happens, is the same for every run waiting on the mailbox, and replays exactly.
     */
    public static Duration gapAfter(String mailboxId, Instant lastSend, int gapMinutes) {
        long maxJitterSeconds = gapMinutes * 60L / JITTER_DIVISOR;
        long jitter = maxJitterSeconds == 0 ? 0
                : Math.floorMod(mix(mailboxId.hashCode() * 0x9E3779B97F4A7C15L ^ lastSend.getEpochSecond()),
                        maxJitterSeconds + 1);
        return Duration.ofMinutes(gapMinutes).plusSeconds(jitter);
    }

    private static long remaining(Integer limit, int used) {
        return limit == null ? Long.MAX_VALUE : (long) limit - used;
    }

    /** SplitMix64's finaliser: spreads nearby inputs (consecutive instants) over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
