package com.superkabe.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code what-if --set ...}: the recorded history re-decided under other settings. */
@Command(name = "what-if", sortOptions = false, description = {
    "Re-decides the recorded history under changed settings and prints what would have differed.", "",
    "Replays one service's recorded inputs twice, once with the service's settings (protection: those it recorded "
    + "when it started and each organization's policy changes; --base on top; the sequencer: --base, default: its "
    + "defaults) and once with the --set changes on top of those. The keys' prefix names the service:", "",
    "protection.*  prints every mailbox and domain transition that would have differed: which would not have "
    + "happened, which would have happened instead, at which tick and caused by which event.", "",
    "sequencer.*   prints how many sends more or fewer per campaign and per mailbox, and which runs would have "
    + "ended differently (completed, replied, failed, stopped, suppressed or not ended). The recorded send "
    + "outcomes stay as recorded: a send that would have happened has no outcome. --from/--to are ticks.", "",
    "Examples:",
    "  ./superkabe what-if --set protection.pauseBounces=6",
    "  ./superkabe what-if --set protection.pauseWindow=100 --from 2026-05-01T00:00:00Z",
    "  ./superkabe what-if --set sequencer.yellowMax=1",
    "  ./superkabe what-if --set sequencer.bulkSenderDailyBudget=2000 --json"})
public final class WhatIfCommand extends TopicCommand {
    @Option(names = "--set", paramLabel = "KEY=VALUE", required = true,
            description = "A changed setting (repeatable): " + PolicySettings.KEYS + "; or " + SequencerSettings.KEYS
                    + ".")
    Map<String, String> changes;
    @Option(names = "--base", paramLabel = "KEY=VALUE",
            description = "The service's own settings where they differ from the defaults and are not recorded (e.g. "
                    + "sequencer.secondsPerTick=5; protection.tickSeconds=5 for history before protection recorded "
                    + "its settings).")
    Map<String, String> base;
    @Option(names = "--from", paramLabel = "T", description = "Only differences caused at or after T (RFC 3339 instant "
            + "or tick; the sequencer's: a tick).")
    String from;
    @Option(names = "--to", paramLabel = "T", description = "Only differences caused at or before T (RFC 3339 instant "
            + "or tick; the sequencer's: a tick).")
    String to;
    @Option(names = "--json", description = "One JSON object per difference instead of a table (the summary goes to "
            + "stderr).")
    boolean json;

    @Override
    public Integer call() {
        TimeRange range = new TimeRange(from, to);
        Map<String, String> baseSettings = new LinkedHashMap<>(base == null ? Map.of() : base);
        if (service(changes, baseSettings).equals("sequencer")) {
            return new SequencerWhatIf(out(), err()).run(kafka,
                    baseSettings, changes, range, json);
        }
        Map<String, String> changed = new LinkedHashMap<>(baseSettings);
        changed.putAll(changes);
        // the recorded settings and policies (ADR 0064) where the topics hold them, the defaults before;
        // --base and --set on top of either
        ProtectionHistory.Pass was = new ProtectionHistory.Pass(PolicySettings.fallback(baseSettings),
                PolicySettings.adjustment(baseSettings), null);
        ProtectionHistory.Pass would = new ProtectionHistory.Pass(PolicySettings.fallback(changed),
                PolicySettings.adjustment(changed), null);
        // DNS checks under changed settings may fall on other ticks: each takes its domain's latest answer
        com.superkabe.protection.application.replay.DnsChecks dns =
                com.superkabe.protection.application.replay.DnsChecks.latestPerDomain();
        ProtectionHistory.readChecks(kafka, dns);
        was.withDnsChecks(dns);
        would.withDnsChecks(dns);
        List<String> topics = java.util.stream.Stream.concat(ProtectionHistory.INPUTS.stream(),
                ProtectionHistory.OUTPUTS.stream()).toList();
        history().stream(topics, false, r -> {
            // decoded once for both replays; types protection ignores are not decoded at all
            com.superkabe.events.EventType type = TopicHistory.type(r);
            Recorded d = type == null || ProtectionHistory.IGNORED.contains(type) ? r : TopicHistory.decoded(r);
            was.accept(d);
            would.accept(d);
        });
        Map<String, Recorded> byId = new java.util.HashMap<>(was.causes);
        byId.putAll(would.causes);
        List<Map<String, Object>> diffs = new ArrayList<>();
        TreeSet<String> entities = new TreeSet<>(was.replayed.keySet());
        entities.addAll(would.replayed.keySet());
        for (String entity : entities) {
            diff(entity, was.replayed.getOrDefault(entity, List.of()), would.replayed.getOrDefault(entity, List.of()),
                    byId, range, diffs);
        }
        PrintWriter out = out();
        if (json) {
            diffs.forEach(d -> out.println(Json.line(d)));
        } else {
            out.printf("%-40s %-22s %6s  %-44s %s%n", "ENTITY", "WOULD", "TICK", "TRANSITION", "FINAL STATE");
            for (Map<String, Object> d : diffs) {
                out.printf("%-40s %-22s %6s  %-44s %s%n", d.get("entity"), d.get("change"), d.get("tick"),
                        d.get("transition"), d.get("finalStateBefore") + " -> " + d.get("finalStateAfter"));
            }
        }
        long affected = diffs.stream().map(d -> d.get("entity")).distinct().count();
        String summary = "what-if " + changes + ": " + was.inputs + " input events replayed; " + diffs.size()
                + " transitions differ on " + affected + " entities";
        printSummary(json, summary);
        return ExitCodes.OK;
    }

    /** Which service the keys re-decide: one per run, named by the keys' prefix. */
    private static String service(Map<String, String> changes, Map<String, String> base) {
        java.util.TreeSet<String> services = new java.util.TreeSet<>();
        for (String key : java.util.stream.Stream.concat(changes.keySet().stream(), base.keySet().stream()).toList()) {
            if (key.startsWith("protection.")) {
                services.add("protection");
            } else if (key.startsWith("sequencer.")) {
                services.add("sequencer");
            } else {
                throw new InputException("--set " + key + ": unknown setting; keys start with protection. ("
                        + PolicySettings.KEYS + ") or sequencer. (" + SequencerSettings.KEYS + ")");
            }
        }
        if (services.size() > 1) {
            throw new InputException("--set: what-if re-decides one service at a time; got settings of " + services);
        }
        return services.isEmpty() ? "protection" : services.first();
    }

    /** The longest common subsequence of the two step lists; what is outside it differs. */
    private static void diff(String entity, List<ProtectionHistory.Step> a, List<ProtectionHistory.Step> b,
                             Map<String, Recorded> byId, TimeRange range, List<Map<String, Object>> out) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).compared().equals(b.get(j).compared()) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        String finalBefore = a.isEmpty() ? "-" : a.getLast().to();
        String finalAfter = b.isEmpty() ? "-" : b.getLast().to();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).compared().equals(b.get(j).compared())) {
                i++;
                j++;
            } else if (j >= b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(out, entity, "not happen", a.get(i++), byId, range, finalBefore, finalAfter);
            } else {
                add(out, entity, "happen instead", b.get(j++), byId, range, finalBefore, finalAfter);
            }
        }
    }

    private static void add(List<Map<String, Object>> out, String entity, String change, ProtectionHistory.Step s,
                            Map<String, Recorded> byId, TimeRange range, String finalBefore, String finalAfter) {
        Recorded cause = byId.get(s.causeId());
        if (cause != null && !range.contains(cause.envelope())) {
            return;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("entity", entity);
        d.put("change", change);
        d.put("tick", s.tick());
        d.put("transition", s.compared());
        d.put("from", s.from());
        d.put("to", s.to());
        d.put("trigger", s.trigger());
        d.put("reason", s.reason());
        d.put("causeId", s.causeId());
        d.put("cause", cause == null ? null : cause.envelope().type().wireName() + " at " + cause.position());
        d.put("finalStateBefore", finalBefore);
        d.put("finalStateAfter", finalAfter);
        out.add(d);
    }
}
