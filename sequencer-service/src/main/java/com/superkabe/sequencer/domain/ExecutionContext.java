package com.superkabe.sequencer.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable snapshot a step executes in (seed 003): the run (id, campaign and its version, current
 * step, started tick, results of earlier steps), the contact (lead id, email, attributes), the channel
 * events that reached the run before the snapshot, and the logical clock. No provider identifier
 * appears in it: not the provider's message id, not the sending mailbox.
 */
public record ExecutionContext(Run run, Contact contact, List<ChannelEvent> events, long tick) {

    public static final String OPENED = "OPENED";
    public static final String CLICKED = "CLICKED";

    public record Run(String runId, String campaignId, int campaignVersion, int currentStep, long startedTick,
                      Map<Integer, StepResult> stepResults) {
        public Run {
            stepResults = Map.copyOf(stepResults);
        }
    }

    public record Contact(String leadId, String email, Map<String, String> attributes) {
        public Contact {
            attributes = Map.copyOf(attributes);
        }
    }

    /** What became of an earlier step: SENT at a tick, or SKIPPED with its reason. */
    public record StepResult(int step, String outcome, long tick, String reason) {
        public static final String SENT = "SENT";
        public static final String SKIPPED = "SKIPPED";
    }

    /** An open or a click of a step's email ({@code kind}), as the run recorded it, at {@code tick}. */
    public record ChannelEvent(String kind, int step, long tick) {
    }

    public ExecutionContext {
        events = List.copyOf(events);
    }

    /** The snapshot of {@code state} at {@code tick}: only what the run recorded so far is in it. */
    public static ExecutionContext of(RunState s, long tick) {
        Map<String, String> attributes = new java.util.TreeMap<>();
        put(attributes, "firstName", s.lead().firstName());
        put(attributes, "lastName", s.lead().lastName());
        put(attributes, "company", s.lead().company());
        put(attributes, "title", s.lead().title());
        put(attributes, "health", s.lead().health());
        return new ExecutionContext(new Run(s.runId(), s.campaignId(), s.campaignVersion(), s.currentStep(),
                s.startedTick(), s.log().results()), new Contact(s.lead().leadId(), s.lead().email(), attributes),
                s.log().events().stream().filter(e -> e.tick() <= tick).toList(), tick);
    }

    private static void put(Map<String, String> into, String key, String value) {
        if (value != null && !value.isBlank()) {
            into.put(key, value);
        }
    }

    /** The tick of the first event of {@code kind} for {@code step}, if one reached the run. */
    public Optional<Long> firstEvent(int step, String kind) {
        return events.stream().filter(e -> e.step() == step && e.kind().equals(kind)).map(ChannelEvent::tick)
                .min(Long::compare);
    }

    /** When {@code step} was sent, if it was (not skipped, not pending). */
    public Optional<Long> sentAt(int step) {
        StepResult r = run.stepResults().get(step);
        return r != null && StepResult.SENT.equals(r.outcome()) ? Optional.of(r.tick()) : Optional.empty();
    }
}
