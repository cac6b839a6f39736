package com.superkabe.cli;

import com.superkabe.protection.application.replay.CorrelationChecks;
import com.superkabe.protection.domain.ProtectionPolicy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verify}: replays input topics into fresh deciders and compares with what was published. */
@Command(name = "verify", sortOptions = false, description = {
    "Replays recorded inputs into fresh deciders; exit 0 only if they reach what was published.", "",
    "Replays the protection service's input topics (mailboxes, send outcomes, replies, clock) into fresh "
    + "mailbox and domain deciders and compares every entity's transitions with those protection published on "
    + "its mailbox-states and domain-states topics. Prints the first divergence with the event that caused it. "
    + "The replay decides with the settings protection published when it started and each organization's policy "
    + "changes (superkabe.protection-modes), decides each DNS check from the answer protection recorded, and makes "
    + "each operator's published transition as protection made it. "
    + "Each correlation check before a pause is decided from the counts protection recorded on "
    + "superkabe.protection-checks, and those counts are compared with the ones the replay derives.",
    "",
    "--service sequencer replays the sequencer's input topics into its run deciders and compares with superkabe.runs. "
    + "--service gate and --service ingestion re-decide the answers each decision was published with "
    + "(superkabe.gate-checks, superkabe.intake-checks) and compare with superkabe.gate-decisions and superkabe.leads.",
    "",
    "Example: ./superkabe verify --service sequencer"})
public final class VerifyCommand extends TopicCommand {
    @Option(names = "--service", paramLabel = "S", defaultValue = "protection",
            description = "The service whose decisions are replayed: protection (default), sequencer, gate or "
                    + "ingestion.")
    String service;
    @Option(names = "--from", paramLabel = "T", description = "Report only divergences at or after T (RFC 3339 instant or tick).")
    String from;
    @Option(names = "--to", paramLabel = "T", description = "Report only divergences at or before T (RFC 3339 instant or tick).")
    String to;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Protection's settings for history recorded before "
            + "protection published them (ADR 0064), if not the defaults: " + PolicySettings.KEYS + ". Recorded "
            + "settings take their place from their record on. With --service sequencer: the sequencer's own settings "
            + "where it does not run with the defaults (they are not recorded): " + SequencerSettings.KEYS + ".")
    Map<String, String> settings;
    @Option(names = "--strict-counts", description = "Also fail on a recorded correlation count that differs from "
            + "the replayed one without changing any decision (see ADR 0063: the merged order of the topics can "
            + "differ from the order protection consumed other mailboxes' outcomes in).")
    boolean strictCounts;
    @Option(names = "--threads", paramLabel = "N", description = "Threads that replay protection, split by "
            + "organization (default: the machine's cores, at least 2; 1 replays on the reading thread).")
    Integer threads;

    /** The first step where the two lists differ, or -1; {@code stop} bounds the comparison. */
    record Divergence(String entity, int index, ProtectionHistory.Step published, ProtectionHistory.Step replayed) {
    }

    @Override
    public Integer call() {
        TimeRange range = new TimeRange(from, to);
        if (service.equals("sequencer")) {
            if (range.hasInstantBound()) {
                throw new InputException("--from/--to: the sequencer's verify is bounded by logical ticks (a number)");
            }
            return new SequencerVerify(out()).report(SequencerVerify.run(kafka, SequencerSettings.sequencer(settings)),
                    range);
        }
        if (service.equals("gate") || service.equals("ingestion")) {
            if (settings != null && !settings.isEmpty()) {
                throw new InputException("--set: " + service + " decides from the settings recorded with each "
                        + "decision's answers; there is nothing to set");
            }
            return new RecordedAnswersVerify(out()).report(service, RecordedAnswersVerify.run(kafka, service), range);
        }
        if (!service.equals("protection")) {
            throw new InputException("--service " + service + ": verify replays protection, sequencer, gate or "
                    + "ingestion");
        }
        ProtectionPolicy policy = PolicySettings.protection(settings);
        if (threads != null && threads < 1) {
            throw new InputException("--threads " + threads + ": must be 1 or more");
        }
        ProtectionHistory.Pass pass = run(kafka, policy, threads == null ? ProtectionShards.defaultCount() : threads,
                err());
        return report(pass, range);
    }

    /**
     * Verify's code path: one streamed pass over protection's inputs and outputs, replayed on
     * {@code threads} shards of organizations; when the history cannot be split that way (see
     * {@link ProtectionShards}), once more on one thread.
     */
    static ProtectionHistory.Pass run(KafkaOptions kafka, ProtectionPolicy policy, int threads,
                                      PrintWriter err) {
        List<String> topics = Stream.concat(ProtectionHistory.INPUTS.stream(), ProtectionHistory.OUTPUTS.stream())
                .toList();
        // first: the history read afterwards holds every decision of a tick up to it
        long watermark = ProtectionHistory.watermark(kafka);
        ProtectionHistory.Checks checks = ProtectionHistory.readChecks(kafka);
        if (threads > 1) {
            ProtectionShards shards = new ProtectionShards(policy, threads, checks.checks(), checks.dns())
                    .lastTick(watermark);
            try {
                new TopicHistory(kafka, System.err).stream(topics, false, shards);
            } finally {
                shards.stop();
            }
            ProtectionHistory.Pass pass = shards.finish();
            if (pass != null) {
                pass.recordedChecks = checks;
                return pass;
            }
            err.println("verify: a mailbox id is used by more than one organization (or a record's orgid "
                    + "header differs from its payload); replaying again on one thread");
            // the shards took some of the checks: the single thread starts from a fresh read
            checks = ProtectionHistory.readChecks(kafka);
        }
        ProtectionHistory.Pass pass = new ProtectionHistory.Pass(policy, checks.checks()).withDnsChecks(checks.dns());
        pass.lastTick(watermark);
        pass.recordedChecks = checks;
        new TopicHistory(kafka, System.err).stream(topics, false, pass);
        return pass;
    }

    /** Compares; prints the first divergence and the summary; the exit code. */
    int report(ProtectionHistory.Pass pass, TimeRange range) {
        Map<String, List<ProtectionHistory.Step>> published = pass.published;
        Map<String, Recorded> byId = pass.causes;
        List<Divergence> divergences = new ArrayList<>();
        int steps = 0;
        TreeSet<String> entities = new TreeSet<>(published.keySet());
        entities.addAll(pass.replayed.keySet());
        for (String entity : entities) {
            List<ProtectionHistory.Step> p = published.getOrDefault(entity, List.of());
            List<ProtectionHistory.Step> r = pass.replayed.getOrDefault(entity, List.of());
            steps += p.size();
            Divergence d = compare(entity, p, r);
            if (d != null && inRange(d, range, byId)) {
                divergences.add(d);
            }
        }
        PrintWriter out = out();
        divergences.sort(java.util.Comparator.comparingLong(d -> tick(d)));
        if (!divergences.isEmpty()) {
            Divergence first = divergences.getFirst();
            out.println("FIRST DIVERGENCE " + first.entity() + " at its transition #" + (first.index() + 1));
            out.println("  published: " + (first.published() == null ? "(nothing)" : first.published()));
            out.println("  replayed:  " + (first.replayed() == null ? "(nothing)" : first.replayed()));
            ProtectionHistory.Step cause = first.replayed() != null ? first.replayed() : first.published();
            out.println("  caused by: " + ProtectionHistory.describe(cause.causeId(), byId));
            for (Divergence d : divergences.subList(1, divergences.size())) {
                out.println("also diverges: " + d.entity() + " at #" + (d.index() + 1) + ": published "
                        + (d.published() == null ? "(nothing)" : d.published().compared()) + ", replayed "
                        + (d.replayed() == null ? "(nothing)" : d.replayed().compared()));
            }
        }
        com.superkabe.protection.application.replay.ProtectionReplay.Applied applied = pass.recorded();
        out.println("verify protection: " + entities.size() + " entities, " + pass.inputs
                + " input events replayed, " + steps + " published transitions compared; " + divergences.size()
                + (divergences.size() == 1 ? " divergence" : " divergences")
                + (pass.ticksPastWatermark > 0 ? " (replayed up to tick " + pass.lastTick
                + ", protection's last decided tick when the read began; " + pass.ticksPastWatermark
                + " later ticks not replayed)" : ""));
        out.println("settings: " + (applied.settings() == 0 ? "none recorded, the replay used "
                + (settings == null || settings.isEmpty() ? "the defaults" : "--set " + settings)
                : applied.settings() + " recorded by protection's starts" + (settings == null || settings.isEmpty() ? ""
                : " (--set applied only before the first)")) + "; " + applied.policies()
                + " organization policy changes; " + applied.operatorActions() + " operator transitions replayed");
        int counts = reportChecks(pass, range, byId, out);
        if (pass.recordedChecks != null) {
            com.superkabe.protection.application.replay.DnsChecks dns = pass.recordedChecks.dns();
            out.println("dns checks: " + dns.recorded() + " recorded, " + dns.fromRecord() + " decided from their "
                    + "record, " + dns.assumed() + " assumed to pass (no record)"
                    + (dns.otherTick() > 0 ? "; " + dns.otherTick() + " made at another tick than recorded" : "")
                    + (dns.unreached(pass.lastTick) > 0 ? "; " + dns.unreached(pass.lastTick)
                    + " recorded checks the replay never made" : ""));
        }
        return divergences.isEmpty() && counts == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /**
     * The recorded correlation checks (ADR 0063) against the counts the replay derived: prints the
     * first difference that changed a decision (or, with --strict-counts, any difference) with the
     * record and the input, and a summary line. The number of findings.
     */
    private int reportChecks(ProtectionHistory.Pass pass, TimeRange range, Map<String, Recorded> byId,
                             PrintWriter out) {
        ProtectionHistory.Checks recorded = pass.recordedChecks;
        if (recorded == null) {
            return 0;
        }
        List<CorrelationChecks.Divergence> findings = new ArrayList<>();
        int differences = 0;
        for (CorrelationChecks.Divergence d : recorded.checks().divergences()) {
            Recorded r = recorded.records().get(d.check().eventId());
            if (r != null && !range.contains(r.envelope())) {
                continue;
            }
            differences++;
            if (d.changesDecision() || strictCounts) {
                findings.add(d);
            }
        }
        findings.sort(java.util.Comparator.comparingLong(d -> d.check().recorded().tick()));
        if (!findings.isEmpty()) {
            CorrelationChecks.Divergence first = findings.getFirst();
            out.println("CORRELATION COUNTS DIVERGE " + first.describe()
                    + (first.changesDecision() ? "" : " (the decision is the same)"));
            out.println("  recorded:  " + ProtectionHistory.describe(first.check().eventId(), recorded.records()));
            if (first.causeId() != null && !first.causeId().isEmpty()) {
                out.println("  replaying: " + ProtectionHistory.describe(first.causeId(), byId));
            }
            for (CorrelationChecks.Divergence d : findings.subList(1, findings.size())) {
                out.println("also diverges: " + d.describe());
            }
        }
        CorrelationChecks c = recorded.checks();
        out.println("correlation checks: " + c.recorded() + " recorded, " + c.fromRecord() + " decided from their "
                + "record, " + c.derivedOnly() + " from derived counts (no record); " + differences
                + " count " + (differences == 1 ? "difference" : "differences") + ", " + findings.size()
                + " reported" + (strictCounts ? "" : " (differences that change no decision are not: --strict-counts)")
                + (recorded.undecodable() > 0 ? "; " + recorded.undecodable() + " undecodable records skipped" : ""));
        return findings.size();
    }

    /** Divergences only, for the benchmark: the same comparison without printing. */
    static int divergences(ProtectionHistory.Pass pass) {
        TreeSet<String> entities = new TreeSet<>(pass.published.keySet());
        entities.addAll(pass.replayed.keySet());
        int n = 0;
        for (String entity : entities) {
            List<ProtectionHistory.Step> p = pass.published.getOrDefault(entity, List.of());
            List<ProtectionHistory.Step> r = pass.replayed.getOrDefault(entity, List.of());
            if (compare(entity, p, r) != null) {
                n++;
            }
        }
        return n;
    }

    /** Published and replayed must agree step by step. */
    static Divergence compare(String entity, List<ProtectionHistory.Step> published,
                              List<ProtectionHistory.Step> replayed) {
        int n = Math.max(published.size(), replayed.size());
        for (int i = 0; i < n; i++) {
            ProtectionHistory.Step p = i < published.size() ? published.get(i) : null;
            ProtectionHistory.Step r = i < replayed.size() ? replayed.get(i) : null;
            if (p == null || r == null || !p.compared().equals(r.compared())) {
                return new Divergence(entity, i, p, r);
            }
        }
        return null;
    }

    private static boolean inRange(Divergence d, TimeRange range, Map<String, Recorded> byId) {
        ProtectionHistory.Step s = d.replayed() != null ? d.replayed() : d.published();
        Recorded cause = byId.get(s.causeId());
        return cause == null || range.contains(cause.envelope());
    }

    private static long tick(Divergence d) {
        long p = d.published() == null ? Long.MAX_VALUE : d.published().tick();
        long r = d.replayed() == null ? Long.MAX_VALUE : d.replayed().tick();
        return Math.min(p, r);
    }
}
