package com.superkabe.sequencer.application.replay;

import com.superkabe.events.Envelope;
import com.superkabe.events.run.RunEvent;
import com.superkabe.sequencer.application.CampaignMailbox;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.sequencer.application.EspStats;
import com.superkabe.sequencer.application.LogicalClock;
import com.superkabe.sequencer.application.MailboxStatus;
import com.superkabe.sequencer.application.MailingAddresses;
import com.superkabe.sequencer.domain.dispatch.EspRecord;
import com.superkabe.sequencer.application.MailboxAvailability;
import com.superkabe.sequencer.application.RunCommands;
import com.superkabe.sequencer.application.RunViews;
import com.superkabe.sequencer.application.SendLedger;
import com.superkabe.sequencer.application.Suppressions;
import com.superkabe.sequencer.domain.RunDecider;
import com.superkabe.sequencer.domain.RunState;
import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.Suppression;
import com.superkabe.sequencer.domain.dispatch.MailboxLimits;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fresh sequencer instance's runs, clock, read model and suppression view held in memory: the same
 * decider and projection as production, without Axon or a database. The basis of replay and what-if.
 */
public final class InMemoryRuns implements RunCommands, RunViews, LogicalClock, MailboxAvailability, Suppressions,
        SendLedger, EspStats, MailingAddresses, com.superkabe.sequencer.application.OrgRetryPolicies,
        com.superkabe.sequencer.application.EspThrottles, com.superkabe.sequencer.application.DispatchEvents,
        com.superkabe.sequencer.application.LeadPauses {

    private final java.util.Set<String> pausedLeads = new java.util.HashSet<>();

    @Override
    public void setLeadPaused(String orgId, String leadId, boolean paused) {
        if (paused) {
            pausedLeads.add(orgId + "/" + leadId);
        } else {
            pausedLeads.remove(orgId + "/" + leadId);
        }
    }

    @Override
    public java.util.Set<String> pausedLeads(String orgId, Collection<String> leadIds) {
        return leadIds.stream().filter(l -> pausedLeads.contains(orgId + "/" + l))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The decision function; production's unless a what-if or a negative test swaps it. */
    public interface Decider {
        List<RunEvent> decide(com.superkabe.sequencer.domain.RunCommand command, Optional<RunState> state);
    }

    private final Decider decider;
    private final Map<String, RunState> states = new HashMap<>();
    private final Map<String, List<RunEvent>> history = new LinkedHashMap<>();
    private long tick;
    private final Map<String, MailboxStatus> mailboxStatus = new HashMap<>();
    private final Map<EspDay, EspRecord> espRecords = new HashMap<>();

    private record EspDay(String mailboxId, RecipientEsp esp, long day) {
    }
    private final Map<String, String> mailingAddresses = new HashMap<>();
    private final Map<String, String> domains = new HashMap<>();
    private final Map<String, com.superkabe.sequencer.domain.RetryPolicy> retryPolicies = new HashMap<>();

    @Override
    public void setRetryPolicy(String orgId, com.superkabe.sequencer.domain.RetryPolicy policy) {
        retryPolicies.put(orgId, policy);
    }

    @Override
    public Optional<com.superkabe.sequencer.domain.RetryPolicy> retryPolicy(String orgId) {
        return Optional.ofNullable(retryPolicies.get(orgId));
    }
    private final Map<Recipient, Suppression> suppressions = new HashMap<>();
    private final Map<String, MailboxLimits> limits = new HashMap<>();
    private final List<SendLedger.Entry> ledger = new ArrayList<>();
    private final Map<String, String> owners = new HashMap<>();

    public InMemoryRuns() {
        this(RunDecider::decide);
    }

    public InMemoryRuns(Decider decider) {
        this.decider = decider;
    }

    @Override
    public List<RunEvent> execute(com.superkabe.sequencer.domain.RunCommand command, Envelope cause) {
        Optional<RunState> current = Optional.ofNullable(states.get(command.runId()));
        List<RunEvent> events = decider.decide(command, current);
        RunState s = current.orElse(null);
        for (RunEvent e : events) {
            s = RunDecider.evolve(s, e);
        }
        if (s != null) {
            states.put(command.runId(), s);
        }
        if (!events.isEmpty()) {
            history.computeIfAbsent(command.runId(), k -> new ArrayList<>()).addAll(events);
        }
        return events;
    }

    @Override
    public Optional<RunView> find(String runId) {
        return Optional.ofNullable(states.get(runId)).map(RunView::project);
    }

    @Override
    public List<RunView> due(long atTick, DueCursor after, Blocked blocked, long unavailableBefore, int limit) {
        return states.values().stream().map(RunView::project).filter(v -> v.dispatchable(atTick))
                .filter(v -> v.mailboxId() == null || mailboxStatus.getOrDefault(v.mailboxId(), MailboxStatus.AVAILABLE)
                        .available() || since(v.mailboxId()) <= unavailableBefore)
                .filter(v -> !blocked.blocks(v))
                .filter(v -> after == null || v.dueTick() > after.dueTick()
                        || v.dueTick() == after.dueTick() && v.runId().compareTo(after.runId()) > 0)
                .sorted(Comparator.comparingLong(RunView::dueTick).thenComparing(RunView::runId))
                .limit(limit).toList();
    }

    @Override
    public List<RunView> byCampaign(String orgId, String campaignId) {
        return states.values().stream().filter(s -> s.orgId().equals(orgId) && s.campaignId().equals(campaignId))
                .map(RunView::project).toList();
    }

    @Override
    public List<RunView> activeFor(String orgId, String addressKey) {
        return states.values().stream().filter(s -> !s.status().terminal() && s.orgId().equals(orgId)
                        && Suppression.key(s.lead().email()).equals(addressKey))
                .map(RunView::project).sorted(Comparator.comparing(RunView::runId)).toList();
    }

    @Override
    public List<String> waitOver(long atTick, int limit) {
        return states.values().stream().map(RunView::project).filter(v -> v.waitOver(atTick))
                .sorted(Comparator.comparingLong(RunView::dueTick).thenComparing(RunView::runId))
                .limit(limit).map(RunView::runId).toList();
    }

    @Override
    public List<String> pending(String campaignId) {
        return states.values().stream().filter(s -> s.campaignId().equals(campaignId)
                && s.status() == com.superkabe.sequencer.domain.RunStatus.PENDING).map(RunState::runId).sorted().toList();
    }

    @Override
    public List<RunView> byLead(String orgId, String leadId) {
        return states.values().stream().filter(s -> s.orgId().equals(orgId) && s.lead().leadId().equals(leadId))
                .map(RunView::project).sorted(Comparator.comparing(RunView::runId)).toList();
    }

    /** Campaigns whose runs are all terminal; the service keeps those that are ACTIVE. */
    @Override
    public List<String> campaignsToComplete(long quietSinceTick) {
        Map<String, Boolean> allTerminal = new java.util.TreeMap<>();
        states.values().forEach(s -> allTerminal.merge(s.campaignId(), s.status().terminal()
                && history.getOrDefault(s.runId(), List.of()).stream().allMatch(e -> e.tick() <= quietSinceTick),
                Boolean::logicalAnd));
        return allTerminal.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    @Override
    public void add(Suppression suppression) {
        suppressions.putIfAbsent(new Recipient(suppression.orgId(), suppression.address()), suppression);
    }

    @Override
    public List<Suppression> find(Collection<Recipient> recipients) {
        return recipients.stream().map(suppressions::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public long currentTick() {
        return tick;
    }

    @Override
    public void advanceTo(long next) {
        tick = next;
    }

    /** As the due query reads it: an unknown start counts as 0. */
    private long since(String mailboxId) {
        Long since = mailboxStatus.get(mailboxId).unavailableSince();
        return since == null ? 0 : since;
    }

    @Override
    public void set(String mailboxId, boolean canSend, long atTick) {
        MailboxStatus old = mailboxStatus.getOrDefault(mailboxId, MailboxStatus.AVAILABLE);
        mailboxStatus.put(mailboxId, next(old, canSend, old.connected(), atTick));
    }

    @Override
    public void setConnected(String mailboxId, boolean connected, long atTick) {
        MailboxStatus old = mailboxStatus.getOrDefault(mailboxId, MailboxStatus.AVAILABLE);
        mailboxStatus.put(mailboxId, next(old, old.canSend(), connected, atTick));
    }

    /** The unavailability start is kept while the mailbox stays unable to send, as the JDBC store does. */
    private static MailboxStatus next(MailboxStatus old, boolean canSend, boolean connected, long atTick) {
        boolean available = canSend && connected;
        Long since = available ? null : old.available() ? Long.valueOf(atTick) : old.unavailableSince();
        return new MailboxStatus(canSend, connected, since, null);
    }

    @Override
    public Map<String, MailboxStatus> status(Collection<String> mailboxIds) {
        Map<String, MailboxStatus> known = new HashMap<>();
        mailboxIds.stream().filter(m -> mailboxStatus.containsKey(m) || domains.containsKey(m)).forEach(m -> known.put(m,
                mailboxStatus.getOrDefault(m, MailboxStatus.AVAILABLE).withDomain(domains.get(m))));
        return known;
    }

    @Override
    public void add(String mailboxId, RecipientEsp esp, long day, EspRecord delta) {
        espRecords.merge(new EspDay(mailboxId, esp, day), delta, EspRecord::plus);
    }

    @Override
    public Map<String, EspRecord> since(Collection<String> mailboxIds, RecipientEsp esp, long fromDay) {
        Map<String, EspRecord> found = new HashMap<>();
        espRecords.forEach((key, record) -> {
            if (mailboxIds.contains(key.mailboxId()) && key.esp() == esp && key.day() >= fromDay) {
                found.merge(key.mailboxId(), record, EspRecord::plus);
            }
        });
        return found;
    }

    private final Map<String, com.superkabe.sequencer.application.EspThrottles.Throttled> throttles =
            new java.util.TreeMap<>();

    @Override
    public Optional<com.superkabe.sequencer.domain.dispatch.EspThrottle> throttle(String mailboxId, RecipientEsp esp) {
        return Optional.ofNullable(throttles.get(mailboxId + "/" + esp)).map(Throttled::throttle);
    }

    @Override
    public void setThrottle(String orgId, String mailboxId, RecipientEsp esp,
                            Optional<com.superkabe.sequencer.domain.dispatch.EspThrottle> throttle) {
        if (throttle.isEmpty()) {
            throttles.remove(mailboxId + "/" + esp);
        } else {
            throttles.put(mailboxId + "/" + esp, new Throttled(orgId, mailboxId, esp, throttle.get()));
        }
    }

    /** In (mailbox, ESP) order, as the JDBC store returns them. */
    @Override
    public List<Throttled> changedAtOrBefore(long atTick) {
        return throttles.values().stream().filter(t -> t.throttle().changedTick() <= atTick)
                .sorted(Comparator.comparing(Throttled::mailboxId).thenComparing(t -> t.esp().name())).toList();
    }

    @Override
    public Map<String, Map<RecipientEsp, com.superkabe.sequencer.domain.dispatch.EspThrottle>> throttles(
            Collection<String> mailboxIds) {
        Map<String, Map<RecipientEsp, com.superkabe.sequencer.domain.dispatch.EspThrottle>> found = new HashMap<>();
        throttles.values().stream().filter(t -> mailboxIds.contains(t.mailboxId())).forEach(t -> found
                .computeIfAbsent(t.mailboxId(), k -> new java.util.EnumMap<>(RecipientEsp.class))
                .put(t.esp(), t.throttle()));
        return found;
    }

    @Override
    public Map<String, Integer> sentByMailboxEsp(Collection<String> mailboxIds, long fromTick) {
        Map<String, Integer> sent = new HashMap<>();
        for (SendLedger.Entry e : ledger) {
            if (e.esp() != null && e.tick() >= fromTick && mailboxIds.contains(e.mailboxId())) {
                sent.merge(SendLedger.mailboxEspKey(e.mailboxId(), e.esp()), 1, Integer::sum);
            }
        }
        return sent;
    }

    @Override
    public Map<String, Integer> bulkUsage(Collection<String> sendingDomains, Instant since) {
        Map<String, Integer> used = new HashMap<>();
        for (SendLedger.Entry e : ledger) {
            if (e.consumerEsp() != null && e.sendingDomain() != null && sendingDomains.contains(e.sendingDomain())
                    && !e.at().isBefore(since)) {
                used.merge(com.superkabe.sequencer.domain.dispatch.Usage.bulkKey(e.sendingDomain(), e.consumerEsp()), 1,
                        Integer::sum);
            }
        }
        return used;
    }

    @Override
    public void setMailingAddress(String orgId, String mailingAddress) {
        mailingAddresses.put(orgId, mailingAddress);
    }

    @Override
    public Map<String, String> mailingAddresses(Collection<String> orgIds) {
        Map<String, String> found = new HashMap<>();
        orgIds.stream().filter(mailingAddresses::containsKey).forEach(o -> found.put(o, mailingAddresses.get(o)));
        return found;
    }

    @Override
    public Map<String, List<Boolean>> recentYellow(Collection<String> mailboxIds, int window) {
        Map<String, List<Boolean>> recent = new HashMap<>();
        for (int i = ledger.size() - 1; i >= 0; i--) {
            SendLedger.Entry e = ledger.get(i);
            if (mailboxIds.contains(e.mailboxId())) {
                List<Boolean> flags = recent.computeIfAbsent(e.mailboxId(), k -> new ArrayList<>());
                if (flags.size() < window) {
                    flags.add(e.yellow());
                }
            }
        }
        return recent;
    }

    @Override
    public void register(String orgId, String mailboxId, Integer dailyLimit, String domain) {
        owners.putIfAbsent(mailboxId, orgId);
        if (domain != null) {
            domains.put(mailboxId, domain.toLowerCase(java.util.Locale.ROOT));
        }
        if (dailyLimit != null) {
            limits.merge(mailboxId, new MailboxLimits(dailyLimit, null), (old, x) -> new MailboxLimits(dailyLimit,
                    old.warmupLimit()));
        }
    }

    @Override
    public Map<String, String> owners(Collection<String> mailboxIds) {
        Map<String, String> known = new HashMap<>();
        mailboxIds.stream().filter(owners::containsKey).forEach(m -> known.put(m, owners.get(m)));
        return known;
    }

    @Override
    public void setWarmupLimit(String mailboxId, Integer warmupLimit) {
        limits.merge(mailboxId, new MailboxLimits(null, warmupLimit), (old, x) -> new MailboxLimits(old.dailyLimit(),
                warmupLimit));
    }

    @Override
    public Map<String, MailboxLimits> limits(Collection<String> mailboxIds) {
        Map<String, MailboxLimits> known = new HashMap<>();
        mailboxIds.stream().filter(limits::containsKey).forEach(m -> known.put(m, limits.get(m)));
        return known;
    }

    @Override
    public void record(SendLedger.Entry entry) {
        ledger.add(entry);
    }

    @Override
    public Map<String, MailboxUsage> mailboxUsage(Collection<String> mailboxIds, Instant since, SendWindow.Day day) {
        Map<String, MailboxUsage> usage = new HashMap<>();
        for (String m : mailboxIds) {
            List<SendLedger.Entry> recent = ledger.stream()
                    .filter(e -> e.mailboxId().equals(m) && !e.at().isBefore(since)).toList();
            if (!recent.isEmpty()) {
                usage.put(m, new MailboxUsage((int) recent.stream().filter(e -> in(day, e.at())).count(),
                        recent.stream().map(SendLedger.Entry::at).max(Comparator.naturalOrder()).orElseThrow(),
                        recent.stream().map(SendLedger.Entry::nextSendAt).max(Comparator.naturalOrder()).orElseThrow()));
            }
        }
        return usage;
    }

    @Override
    public Map<String, Integer> sentByCampaign(Map<String, SendWindow.Day> days) {
        Map<String, Integer> sent = new HashMap<>();
        days.forEach((c, day) -> count(e -> e.campaignId().equals(c), day).ifPresent(n -> sent.put(c, n)));
        return sent;
    }

    @Override
    public Map<CampaignMailbox, Integer> sentByPair(Map<CampaignMailbox, SendWindow.Day> days) {
        Map<CampaignMailbox, Integer> sent = new HashMap<>();
        days.forEach((p, day) -> count(e -> e.campaignId().equals(p.campaignId())
                && e.mailboxId().equals(p.mailboxId()), day).ifPresent(n -> sent.put(p, n)));
        return sent;
    }

    private java.util.OptionalInt count(java.util.function.Predicate<SendLedger.Entry> which, SendWindow.Day day) {
        int n = (int) ledger.stream().filter(which).filter(e -> in(day, e.at())).count();
        return n == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(n);
    }

    private static boolean in(SendWindow.Day day, Instant at) {
        return !at.isBefore(day.from()) && at.isBefore(day.to());
    }

    private final List<com.superkabe.events.SuperkabeEvent> dispatchDecisions = new ArrayList<>();

    @Override
    public void publish(Envelope cause, String key, com.superkabe.events.SuperkabeEvent event) {
        dispatchDecisions.add(event);
    }

    /** The dispatcher's mailbox decisions (ESP throttling), in the order they were made. */
    public List<com.superkabe.events.SuperkabeEvent> dispatchDecisions() {
        return List.copyOf(dispatchDecisions);
    }

    /** Every run's events, in the order they were decided. */
    public Map<String, List<RunEvent>> history() {
        return history;
    }
}
