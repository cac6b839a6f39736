package com.superkabe.sequencer.bench;

import com.superkabe.events.Envelope;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import com.superkabe.sequencer.adapter.out.jdbc.JdbcRunViews;
import com.superkabe.sequencer.application.LogicalClock;
import com.superkabe.sequencer.application.RunCommands;
import com.superkabe.sequencer.application.RunViews;
import com.superkabe.sequencer.application.SendLedger;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.sequencer.domain.RunDecider;
import com.superkabe.sequencer.domain.RunState;
import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's stand-in for the write side: run commands are decided by the real {@link RunDecider}
 * on states built from the due rows, the send ledger's writes are buffered, and between ticks
 * {@link #settleTick} writes the ledger and marks each dispatched run's step as sent in {@code run_view}
 * (its next step due next week), as the outcome would. Reads go to the real stores.
 */
final class BenchHarness implements RunCommands, RunViews, LogicalClock {

    private final JdbcClient jdbc;
    private final JdbcRunViews views;
    private final SendLedger ledger;
    private final Map<String, RunState> states = new HashMap<>();
    private final List<SendRequested> sends = new ArrayList<>();
    private final List<SendRequested> unsettled = new ArrayList<>();
    private final List<SendLedger.Entry> buffered = new ArrayList<>();
    private final Set<String> yellow = new HashSet<>();
    private long tick;

    BenchHarness(JdbcClient jdbc, JdbcRunViews views, SendLedger ledger, int expectedRuns) {
        this.jdbc = jdbc;
        this.views = views;
        this.ledger = ledger;
    }

    @Override
    public List<RunEvent> execute(RunCommand command, Envelope cause) {
        Optional<RunState> current = Optional.ofNullable(states.get(command.runId()));
        List<RunEvent> events = RunDecider.decide(command, current);
        RunState s = current.orElse(null);
        for (RunEvent e : events) {
            s = RunDecider.evolve(s, e);
            if (e instanceof SendRequested r) {
                sends.add(r);
                unsettled.add(r);
            }
        }
        if (s != null) {
            states.put(command.runId(), s);
        }
        return events;
    }

    @Override
    public Optional<RunView> find(String runId) {
        return Optional.ofNullable(states.get(runId)).map(RunView::project).or(() -> views.find(runId));
    }

    @Override
    public List<RunView> due(long atTick, DueCursor after, Blocked blocked, long unavailableBefore, int limit) {
        List<RunView> page = views.due(atTick, after, blocked, unavailableBefore, limit);
        for (RunView v : page) {
            states.computeIfAbsent(v.runId(), id -> state(v));
            if (v.yellow()) {
                yellow.add(v.runId());
            }
        }
        return page;
    }

    private static RunState state(RunView v) {
        LeadSnapshot lead = new LeadSnapshot(v.leadId(), v.email(), "Ada", null, "Acme", null,
                v.yellow() ? "YELLOW" : "GREEN", v.esp());
        return new RunState(v.orgId(), v.runId(), v.campaignId(), lead, v.mailboxId(), 3, v.currentStep(), v.dueTick(),
                v.status(), v.inFlight(), v.attempt(), -1, v.avoidMailboxId(), v.avoidSinceTick(), v.pauseReason(),
                null, v.campaignVersion(), 0, v.heldBy(), v.closed(), v.inFlight(), null);
    }

    @Override
    public List<String> waitOver(long tick, int limit) {
        return views.waitOver(tick, limit);
    }

    @Override
    public List<String> pending(String campaignId) {
        return views.pending(campaignId);
    }

    @Override
    public List<RunView> byLead(String orgId, String leadId) {
        return views.byLead(orgId, leadId);
    }

    @Override
    public List<String> campaignsToComplete(long quietSinceTick) {
        return List.of(); // the benchmark's campaigns never end
    }

    @Override
    public List<RunView> byCampaign(String orgId, String campaignId) {
        return views.byCampaign(orgId, campaignId);
    }

    @Override
    public List<RunView> activeFor(String orgId, String addressKey) {
        return views.activeFor(orgId, addressKey);
    }

    @Override
    public long currentTick() {
        return tick;
    }

    @Override
    public void advanceTo(long next) {
        tick = next;
    }

    /** The ledger the dispatcher uses: reads from the database, writes buffered until {@link #settleTick}. */
    SendLedger ledger() {
        return new SendLedger() {
            @Override
            public void record(Entry entry) {
                buffered.add(entry);
            }

            @Override
            public Map<String, MailboxUsage> mailboxUsage(Collection<String> mailboxIds, Instant since,
                                                          SendWindow.Day day) {
                return ledger.mailboxUsage(mailboxIds, since, day);
            }

            @Override
            public Map<String, List<Boolean>> recentYellow(Collection<String> mailboxIds, int window) {
                return ledger.recentYellow(mailboxIds, window);
            }

            @Override
            public Map<String, Integer> sentByMailboxEsp(Collection<String> mailboxIds, long fromTick) {
                return ledger.sentByMailboxEsp(mailboxIds, fromTick);
            }

            @Override
            public Map<String, Integer> bulkUsage(Collection<String> sendingDomains, Instant since) {
                return ledger.bulkUsage(sendingDomains, since);
            }

            @Override
            public Map<String, Integer> sentByCampaign(Map<String, SendWindow.Day> days) {
                return ledger.sentByCampaign(days);
            }

            @Override
            public Map<com.superkabe.sequencer.application.CampaignMailbox, Integer> sentByPair(
                    Map<com.superkabe.sequencer.application.CampaignMailbox, SendWindow.Day> days) {
                return ledger.sentByPair(days);
            }
        };
    }

    /** Writes what the tick decided, as the event store, outbox, ledger and outcomes would have. */
    void settleTick(long atTick) {
        for (SendLedger.Entry e : buffered) {
            jdbc.sql("INSERT INTO send_ledger(run_id, campaign_id, mailbox_id, tick, sent_at, next_send_at, yellow, "
                            + "sending_domain, consumer_esp, esp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(e.runId(), e.campaignId(), e.mailboxId(), e.tick(), utc(e.at()), utc(e.nextSendAt()),
                            e.yellow(), e.sendingDomain(), e.consumerEsp() == null ? null : e.consumerEsp().name(),
                            e.esp() == null ? null : e.esp().name())
                    .update();
        }
        buffered.clear();
        List<String> runs = unsettled.stream().map(SendRequested::runId).toList();
        List<String> mailboxes = unsettled.stream().map(SendRequested::mailboxId).toList();
        jdbc.sql("UPDATE run_view r SET mailbox_id = u.mailbox_id, current_step = r.current_step + 1, "
                        + "due_tick = 100000, status = 'WAITING' FROM unnest(?::text[], ?::text[]) AS u(run_id, mailbox_id) "
                        + "WHERE r.run_id = u.run_id")
                .params(runs.toArray(String[]::new), mailboxes.toArray(String[]::new)).update();
        runs.forEach(states::remove);
        unsettled.clear();
    }

    List<SendRequested> sends() {
        return List.copyOf(sends);
    }

    Set<String> yellowRuns() {
        return Set.copyOf(yellow);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
