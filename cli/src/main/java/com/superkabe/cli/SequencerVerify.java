package com.superkabe.cli;

import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.run.RunEvent;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** {@code verify --service sequencer}: per-run comparison of replayed and published run events. */
final class SequencerVerify {

    private static final EventCodec CODEC = new EventCodec();
    private final PrintWriter out;

    SequencerVerify(PrintWriter out) {
        this.out = out;
    }

    /** The first event where a run's two lists differ; either side may be missing. */
    record Divergence(String runId, int index, SequencerHistory.Published published, RunEvent replayed) {
        long tick() {
            return Math.min(published == null ? Long.MAX_VALUE : published.event().tick(),
                    replayed == null ? Long.MAX_VALUE : replayed.tick());
        }
    }

    /** Verify's code path for the sequencer: one streamed pass over its inputs and superkabe.runs. */
    static SequencerHistory.Pass run(KafkaOptions kafka) {
        return run(kafka, SequencerSettings.Settings.DEFAULT);
    }

    /** With the sequencer's own sending and dispatch settings where it does not run with the defaults. */
    static SequencerHistory.Pass run(KafkaOptions kafka, SequencerSettings.Settings settings) {
        SequencerHistory.Pass pass = new SequencerHistory.Pass(settings);
        new TopicHistory(kafka, System.err).stream(Stream.concat(SequencerHistory.INPUTS.stream(),
                SequencerHistory.OUTPUTS.stream()).toList(), false, pass);
        return pass;
    }

    static List<Divergence> divergences(SequencerHistory.Pass pass, TimeRange range) {
        Map<String, List<RunEvent>> replayed = pass.replayedRuns();
        TreeSet<String> runs = new TreeSet<>(pass.published.keySet());
        runs.addAll(replayed.keySet());
        List<Divergence> found = new ArrayList<>();
        for (String run : runs) {
            List<SequencerHistory.Published> p = pass.published.getOrDefault(run, List.of());
            List<RunEvent> r = replayed.getOrDefault(run, List.of());
            for (int i = 0; i < Math.max(p.size(), r.size()); i++) {
                SequencerHistory.Published pi = i < p.size() ? p.get(i) : null;
                RunEvent ri = i < r.size() ? r.get(i) : null;
                if (pi == null || ri == null || !pi.event().equals(ri)) {
                    Divergence d = new Divergence(run, i, pi, ri);
                    if (range.containsTick(d.tick())) {
                        found.add(d);
                    }
                    break;
                }
            }
        }
        found.sort(Comparator.comparingLong(Divergence::tick).thenComparing(Divergence::runId));
        return found;
    }

    int report(SequencerHistory.Pass pass, TimeRange range) {
        List<Divergence> divergences = divergences(pass, range);
        if (!divergences.isEmpty()) {
            Divergence first = divergences.getFirst();
            out.println("FIRST DIVERGENCE run " + first.runId() + " at its event #" + (first.index() + 1));
            out.println("  published: " + (first.published() == null ? "(nothing)" : wire(first.published().event())));
            out.println("  replayed:  " + (first.replayed() == null ? "(nothing)" : wire(first.replayed())));
            String cause = first.published() == null ? null : first.published().causeId();
            out.println("  caused by: " + (cause == null ? "(no published event to name it)"
                    : pass.inputs.getOrDefault(cause, "event " + cause + " (not on the input topics)")));
            for (Divergence d : divergences.subList(1, divergences.size())) {
                out.println("also diverges: run " + d.runId() + " at #" + (d.index() + 1) + ": published "
                        + (d.published() == null ? "(nothing)" : EventType.of(d.published().event()).wireName())
                        + ", replayed " + (d.replayed() == null ? "(nothing)" : EventType.of(d.replayed()).wireName()));
            }
        }
        long compared = pass.published.values().stream().mapToLong(List::size).sum();
        out.println("verify sequencer: " + (pass.published.size()) + " runs published, " + pass.replayed
                + " input events replayed" + (pass.duplicates > 0 ? " (" + pass.duplicates + " duplicates skipped)" : "")
                + (pass.publishedCopies > 0 ? ", " + pass.publishedCopies + " republished run events counted once" : "")
                + ", " + compared + " published run events compared; " + divergences.size()
                + (divergences.size() == 1 ? " divergence" : " divergences"));
        return divergences.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static String wire(RunEvent e) {
        return EventType.of(e).wireName() + " " + new String(CODEC.toJson(e), StandardCharsets.UTF_8);
    }
}
