package com.superkabe.cli;

import com.superkabe.events.Envelope;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.gate.application.replay.GateReplay;
import com.superkabe.ingestion.application.replay.IngestionReplay;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code verify --service gate|ingestion}: the two services that publish every decision's outside
 * answers (ADR 0047, 0048) before deciding from them. Their own replays re-decide the recorded answers
 * and compare per-pair (gate) or per-address (ingestion) hash chains with the published decisions; this
 * class only reads the two topics, feeds the replay and reports like the other verifies.
 */
final class RecordedAnswersVerify {

    /** One divergence, whichever replay found it. */
    record Divergence(String key, int index, String causeId, String expected, String actual) {
    }

    /** What the CLI needs from either replay. */
    interface Replay {
        void accept(String eventId, SuperkabeEvent event);

        boolean isInput(SuperkabeEvent event);

        long inputs();

        int entities();

        List<Divergence> divergences();
    }

    private final PrintWriter out;

    RecordedAnswersVerify(PrintWriter out) {
        this.out = out;
    }

    /** The topics a service's verify reads, in no particular order (the replays accept any interleaving). */
    static List<String> topics(String service) {
        return switch (service) {
            case "gate" -> List.of(Topic.GATE_CHECKS.topicName(), Topic.GATE_DECISIONS.topicName());
            case "ingestion" -> List.of(Topic.INTAKE_CHECKS.topicName(), Topic.LEADS.topicName());
            default -> throw new IllegalArgumentException(service);
        };
    }

    static Replay replay(String service) {
        return switch (service) {
            case "gate" -> gate(new GateReplay());
            case "ingestion" -> ingestion(new IngestionReplay());
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** Verify's code path: one streamed pass over the service's recorded answers and its decisions. */
    static Pass run(KafkaOptions kafka, String service) {
        Pass pass = new Pass(replay(service));
        new TopicHistory(kafka, System.err).stream(topics(service), true, pass::accept);
        return pass;
    }

    /** The streamed state: the replay, the inputs by id (to name a divergence's cause) and what was skipped. */
    static final class Pass {
        final Replay replay;
        final Map<String, Recorded> inputs = new HashMap<>();
        long undecodable;

        Pass(Replay replay) {
            this.replay = replay;
        }

        void accept(Recorded r) {
            Envelope e = r.envelope();
            if (e == null) {
                undecodable++; // a poison record is the dead-letter path's business, not a decision
                return;
            }
            if (replay.isInput(e.payload())) {
                inputs.put(e.id(), r);
            }
            replay.accept(e.id(), e.payload());
        }
    }

    int report(String service, Pass pass, TimeRange range) {
        List<Divergence> divergences = pass.replay.divergences().stream()
                .filter(d -> inRange(d, pass, range))
                .toList();
        if (!divergences.isEmpty()) {
            Divergence first = divergences.getFirst();
            out.println("FIRST DIVERGENCE " + first.key() + " at its decision #" + (first.index() + 1));
            out.println("  published: " + first.expected());
            out.println("  replayed:  " + first.actual());
            Recorded cause = first.causeId() == null ? null : pass.inputs.get(first.causeId());
            out.println("  caused by: " + (cause == null ? "event " + first.causeId()
                    : cause.envelope().type().wireName() + " " + first.causeId() + " at " + cause.position()));
            for (Divergence d : divergences.subList(1, divergences.size())) {
                out.println("also diverges: " + d.key() + " at #" + (d.index() + 1));
            }
        }
        out.println("verify " + service + ": " + pass.replay.entities() + " entities, " + pass.replay.inputs()
                + " recorded answers replayed"
                + (pass.undecodable > 0 ? " (" + pass.undecodable + " undecodable records skipped)" : "")
                + "; " + divergences.size() + (divergences.size() == 1 ? " divergence" : " divergences"));
        return divergences.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static boolean inRange(Divergence d, Pass pass, TimeRange range) {
        Recorded cause = d.causeId() == null ? null : pass.inputs.get(d.causeId());
        return cause == null || range.contains(cause.envelope());
    }

    private static Replay gate(GateReplay replay) {
        return adapter(replay::accept, GateReplay::isInput, replay::inputs, () -> replay.stateHashes().keySet(),
                () -> replay.publishedHashes().keySet(), () -> replay.divergences().stream()
                        .map(d -> new Divergence(d.key(), d.index(), d.causeId(), d.expected(), d.actual())).toList());
    }

    private static Replay ingestion(IngestionReplay replay) {
        return adapter(replay::accept, IngestionReplay::isInput, replay::inputs, () -> replay.stateHashes().keySet(),
                () -> replay.publishedHashes().keySet(), () -> replay.divergences().stream()
                        .map(d -> new Divergence(d.key(), d.index(), d.causeId(), d.expected(), d.actual())).toList());
    }

    /** The two replays have the same shape but no common type; this joins them without copying the logic. */
    private static Replay adapter(java.util.function.BiConsumer<String, SuperkabeEvent> accept,
                                  java.util.function.Predicate<SuperkabeEvent> isInput,
                                  java.util.function.LongSupplier inputs,
                                  java.util.function.Supplier<java.util.Set<String>> replayedKeys,
                                  java.util.function.Supplier<java.util.Set<String>> publishedKeys,
                                  java.util.function.Supplier<List<Divergence>> divergences) {
        return new Replay() {
            @Override
            public void accept(String eventId, SuperkabeEvent event) {
                accept.accept(eventId, event);
            }

            @Override
            public boolean isInput(SuperkabeEvent event) {
                return isInput.test(event);
            }

            @Override
            public long inputs() {
                return inputs.getAsLong();
            }

            @Override
            public int entities() {
                java.util.Set<String> keys = new java.util.HashSet<>(replayedKeys.get());
                keys.addAll(publishedKeys.get());
                return keys.size();
            }

            @Override
            public List<Divergence> divergences() {
                return divergences.get();
            }
        };
    }
}
