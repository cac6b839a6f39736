package com.superkabe.cli;

import com.superkabe.events.EventType;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.run.RunStopped;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.events.run.SendRequested;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code what-if --set sequencer.*}: the sequencer's recorded inputs replayed twice, with the service's
 * settings and with the changed ones (two {@link Replayer sessions} fed the same merged inputs), and
 * the difference in sends per campaign and per mailbox and in how runs ended. The recorded outcomes
 * stay as recorded: a send that would have happened has none, and outcomes of sends that would not
 * have happened reach the replay as they reach the service for an unknown send.
 */
final class SequencerWhatIf {

    private final PrintWriter out;
    private final PrintWriter err;

    SequencerWhatIf(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** One run's replayed story, as far as what-if compares it. */
    record RunOutcome(String campaignId, int sends, String ending, long endTick) {
    }

    int run(KafkaOptions kafka, Map<String, String> base, Map<String, String> changes, TimeRange range,
            boolean json) {
        if (range.hasInstantBound()) {
            throw new InputException("--from/--to: the sequencer's what-if is bounded by logical ticks (a number)");
        }
        Map<String, String> changed = new LinkedHashMap<>(base);
        changed.putAll(changes);
        SequencerHistory.Pass was = new SequencerHistory.Pass(SequencerSettings.sequencer(base));
        SequencerHistory.Pass would = new SequencerHistory.Pass(SequencerSettings.sequencer(changed));
        new TopicHistory(kafka, System.err).stream(SequencerHistory.INPUTS, false, r -> {
            Recorded d = TopicHistory.decoded(r);
            was.accept(d);
            would.accept(d);
        });
        Map<String, RunOutcome> before = outcomes(was.replayedHistory(), range);
        Map<String, RunOutcome> after = outcomes(would.replayedHistory(), range);
        Map<String, int[]> campaigns = new TreeMap<>();
        Map<String, int[]> mailboxes = new TreeMap<>();
        count(was.replayedHistory(), range, campaigns, mailboxes, 0);
        count(would.replayedHistory(), range, campaigns, mailboxes, 1);
        List<Map<String, Object>> rows = new ArrayList<>();
        campaigns.forEach((id, n) -> addSends(rows, "campaign", id, n));
        mailboxes.forEach((id, n) -> addSends(rows, "mailbox", id, n));
        TreeSet<String> runs = new TreeSet<>(before.keySet());
        runs.addAll(after.keySet());
        int endedDifferently = 0;
        for (String runId : runs) {
            RunOutcome b = before.getOrDefault(runId, new RunOutcome(null, 0, "not enrolled", -1));
            RunOutcome a = after.getOrDefault(runId, new RunOutcome(null, 0, "not enrolled", -1));
            if (b.ending().equals(a.ending())) {
                continue;
            }
            long tick = Math.min(b.endTick() < 0 ? Long.MAX_VALUE : b.endTick(),
                    a.endTick() < 0 ? Long.MAX_VALUE : a.endTick());
            if (tick != Long.MAX_VALUE && !range.containsTick(tick)) {
                continue;
            }
            endedDifferently++;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", "run");
            row.put("runId", runId);
            row.put("campaignId", b.campaignId() != null ? b.campaignId() : a.campaignId());
            row.put("endedBefore", b.ending());
            row.put("endedAfter", a.ending());
            row.put("sendsBefore", b.sends());
            row.put("sendsAfter", a.sends());
            rows.add(row);
        }
        int total0 = campaigns.values().stream().mapToInt(n -> n[0]).sum();
        int total1 = campaigns.values().stream().mapToInt(n -> n[1]).sum();
        if (json) {
            rows.forEach(r -> out.println(Json.line(r)));
        } else {
            print(rows);
        }
        String summary = "what-if " + changes + ": " + was.replayed + " input events replayed; sends " + total0 + " -> "
                + total1 + " (" + signed(total1 - total0) + ") on " + rows.stream().filter(r -> !"run".equals(r.get("kind"))
                && "campaign".equals(r.get("kind"))).count() + " campaigns and " + rows.stream()
                .filter(r -> "mailbox".equals(r.get("kind"))).count() + " mailboxes; " + endedDifferently
                + (endedDifferently == 1 ? " run would have ended differently" : " runs would have ended differently");
        (json ? err : out).println(summary);
        return ExitCodes.OK;
    }

    private void print(List<Map<String, Object>> rows) {
        out.printf("%-9s %-40s %8s %8s %8s%n", "SENDS OF", "ID", "BEFORE", "AFTER", "CHANGE");
        for (Map<String, Object> r : rows) {
            if (!"run".equals(r.get("kind"))) {
                out.printf("%-9s %-40s %8s %8s %8s%n", r.get("kind"), r.get("id"), r.get("sendsBefore"),
                        r.get("sendsAfter"), r.get("change"));
            }
        }
        if (rows.stream().anyMatch(r -> "run".equals(r.get("kind")))) {
            out.println();
            out.printf("%-40s %-28s %-28s %s%n", "RUN", "ENDED", "WOULD HAVE ENDED", "SENDS");
            for (Map<String, Object> r : rows) {
                if ("run".equals(r.get("kind"))) {
                    out.printf("%-40s %-28s %-28s %s -> %s%n", r.get("runId"), r.get("endedBefore"),
                            r.get("endedAfter"), r.get("sendsBefore"), r.get("sendsAfter"));
                }
            }
        }
    }

    private static void addSends(List<Map<String, Object>> rows, String kind, String id, int[] n) {
        if (n[0] == n[1]) {
            return;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind);
        row.put("id", id);
        row.put("sendsBefore", n[0]);
        row.put("sendsAfter", n[1]);
        row.put("change", signed(n[1] - n[0]));
        rows.add(row);
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : Integer.toString(n);
    }

    /** Sends (SendRequested) per campaign and per mailbox, in column {@code column}, within the tick range. */
    private static void count(Map<String, List<RunEvent>> history, TimeRange range, Map<String, int[]> campaigns,
                              Map<String, int[]> mailboxes, int column) {
        history.values().forEach(events -> events.forEach(e -> {
            if (e instanceof SendRequested s && range.containsTick(s.tick())) {
                campaigns.computeIfAbsent(s.campaignId(), k -> new int[2])[column]++;
                mailboxes.computeIfAbsent(s.mailboxId(), k -> new int[2])[column]++;
            }
        }));
    }

    /** Per run: its campaign, its sends, and how it ended ("not ended" while it had not). */
    private static Map<String, RunOutcome> outcomes(Map<String, List<RunEvent>> history, TimeRange range) {
        Map<String, RunOutcome> out = new TreeMap<>();
        history.forEach((runId, events) -> {
            String campaign = null;
            int sends = 0;
            String ending = "not ended";
            long endTick = -1;
            for (RunEvent e : events) {
                switch (e) {
                    case RunEnrolled en -> campaign = en.campaignId();
                    case SendRequested s -> {
                        campaign = campaign == null ? s.campaignId() : campaign;
                        sends += range.containsTick(s.tick()) ? 1 : 0;
                    }
                    case RunCompleted c -> {
                        ending = name(c);
                        endTick = c.tick();
                    }
                    case RunReplied c -> {
                        ending = name(c);
                        endTick = c.tick();
                    }
                    case RunFailed c -> {
                        ending = name(c) + (c.reason() == null ? "" : " (" + c.reason() + ")");
                        endTick = c.tick();
                    }
                    case RunSuppressed c -> {
                        ending = name(c);
                        endTick = c.tick();
                    }
                    case RunStopped c -> {
                        ending = name(c);
                        endTick = c.tick();
                    }
                    default -> {
                    }
                }
            }
            out.put(runId, new RunOutcome(campaign, sends, ending, endTick));
        });
        return out;
    }

    /** "completed", "failed", ...: the wire name's verb. */
    private static String name(RunEvent e) {
        String wire = EventType.of(e).wireName();
        return wire.substring("superkabe.run.".length(), wire.lastIndexOf('.'));
    }
}
