package com.superkabe.sequencer.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run remembers for its execution context: each earlier step's result and the channel events
 * (first open and first click of each step) that reached it, in the order they did.
 */
public record RunLog(Map<Integer, ExecutionContext.StepResult> results, List<ExecutionContext.ChannelEvent> events) {

    public static final RunLog EMPTY = new RunLog(Map.of(), List.of());

    public RunLog {
        results = java.util.Collections.unmodifiableMap(new TreeMap<>(results));
        events = List.copyOf(events);
    }

    RunLog withResult(ExecutionContext.StepResult result) {
        if (results.containsKey(result.step())) {
            return this;
        }
        Map<Integer, ExecutionContext.StepResult> next = new TreeMap<>(results);
        next.put(result.step(), result);
        return new RunLog(next, events);
    }

    RunLog withEvent(ExecutionContext.ChannelEvent event) {
        List<ExecutionContext.ChannelEvent> next = new ArrayList<>(events);
        next.add(event);
        return new RunLog(results, next);
    }

    boolean has(int step, String kind) {
        return events.stream().anyMatch(e -> e.step() == step && e.kind().equals(kind));
    }
}
