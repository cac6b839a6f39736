package com.superkabe.cli;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.Topic;
import com.superkabe.events.run.RunEvent;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.application.replay.Replayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sequencer's decisions two ways: re-made by replaying its input topics into a fresh in-memory
 * sequencer (the {@link Replayer} its golden-history tests use; campaigns come from the campaigns topic,
 * ADR 0039), and as published on {@code superkabe.runs}. Both per run, in decision order.
 */
final class SequencerHistory {

    static final List<String> INPUTS = List.of(Topic.GATE_DECISIONS, Topic.CLOCK, Topic.SEND_OUTCOMES, Topic.REPLIES,
            Topic.MAILBOX_STATES, Topic.MAILBOXES, Topic.CAMPAIGNS, Topic.ORGANIZATIONS).stream()
            .map(Topic::topicName).toList();
    static final List<String> OUTPUTS = List.of(Topic.RUNS.topicName());

    /** One published run event and the input that caused it (its envelope's causation id). */
    record Published(RunEvent event, String causeId) {
    }

    /** One pass over merged history: inputs go to the replay, run events are collected as published. */
    static final class Pass implements java.util.function.Consumer<Recorded> {
        private final Replayer.Session session;
        private final Set<String> inputIds = new HashSet<>();
        private final Set<String> publishedIds = new HashSet<>();
        final Map<String, List<Published>> published = new TreeMap<>();
        /** Input id to where it was read, for naming a divergence's cause. */
        final Map<String, String> inputs = new HashMap<>();
        private final List<Envelope> merged = new ArrayList<>();
        private boolean replayedAll;
        long records;
        long replayed;
        long duplicates;
        long publishedCopies;

        Pass() {
            this(SequencerSettings.Settings.DEFAULT);
        }

        /** A replay with the given settings: production's for verify, changed ones for what-if. */
        Pass(SequencerSettings.Settings settings) {
            this.session = new Replayer.Session(List.of(), new InMemoryRuns(), settings.paging(), settings.sending());
        }

        @Override
        public void accept(Recorded r) {
            records++;
            if (!INPUTS.contains(r.topic()) && !OUTPUTS.contains(r.topic())) {
                return;
            }
            r = TopicHistory.decoded(r);
            Envelope e = r.envelope();
            if (e == null) {
                return;
            }
            if (e.payload() instanceof RunEvent run && r.topic().equals(Topic.RUNS.topicName())) {
                // the outbox relay publishes at least once (ADR 0050): a copy with the same event id is one event
                if (!publishedIds.add(e.id())) {
                    publishedCopies++;
                    return;
                }
                published.computeIfAbsent(run.runId(), k -> new ArrayList<>()).add(new Published(run, e.causationId()));
                return;
            }
            if (!INPUTS.contains(r.topic())) {
                return;
            }
            // the service's inbox takes an event id once; a redelivered or re-driven copy changes nothing
            if (!inputIds.add(e.id())) {
                duplicates++;
                return;
            }
            inputs.put(e.id(), e.type().wireName() + " " + e.id() + " at " + r.position() + " (tick "
                    + e.logicalTime() + ")");
            merged.add(e);
        }

        /**
         * Replays the inputs once, in the order the sequencer handled them (see {@link ProcessingOrder}):
         * the merge of the topics places an input by its producer's clock, but the sequencer decided it
         * at whatever tick it had read by then, which the ticks of its published run events record.
         */
        private Replayer.Session session() {
            if (!replayedAll) {
                replayedAll = true;
                for (Envelope e : ProcessingOrder.of(merged, published)) {
                    replayed++;
                    session.accept(e);
                }
                merged.clear();
            }
            return session;
        }

        /** Every replayed run event per run, also those on other topics (SendRequested). */
        Map<String, List<RunEvent>> replayedHistory() {
            return session().history();
        }

        /** The replayed run events that the sequencer publishes on superkabe.runs, per run. */
        Map<String, List<RunEvent>> replayedRuns() {
            Map<String, List<RunEvent>> out = new TreeMap<>();
            session().history().forEach((run, events) -> {
                List<RunEvent> onTopic = events.stream().filter(ev -> EventType.of(ev).topic() == Topic.RUNS).toList();
                if (!onTopic.isEmpty()) {
                    out.put(run, onTopic);
                }
            });
            return out;
        }
    }

    private SequencerHistory() {
    }
}
