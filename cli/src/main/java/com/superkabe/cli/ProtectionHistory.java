package com.superkabe.cli;

import com.superkabe.events.Envelope;
import com.superkabe.events.Topic;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.protection.application.replay.ProtectionReplay;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Protection's decisions two ways: re-made by replaying its input topics into fresh deciders, and
 * as published on its output topics. Both are per entity ({@code mailbox:<id>},
 * {@code domain:<orgId>/<domain>}), in order, each step with the input event that caused it.
 */
final class ProtectionHistory {

    static final List<String> INPUTS = List.of(Topic.MAILBOXES.topicName(), Topic.SEND_OUTCOMES.topicName(),
            Topic.REPLIES.topicName(), Topic.CLOCK.topicName());
    static final List<String> OUTPUTS = List.of(Topic.MAILBOX_STATES.topicName(), Topic.DOMAIN_STATES.topicName());

    /** One state change: the comparison's unit is (from, to, trigger); tick and reason are for reading. */
    record Step(String from, String to, String trigger, long tick, String reason, String actor, String causeId) {

        String compared() {
            return from + " -> " + to + " [" + trigger + "]";
        }

        @Override
        public String toString() {
            return compared() + " @" + tick + (actor != null && !actor.equals(Transition.SYSTEM) ? " by " + actor : "")
                    + " : " + reason;
        }
    }

    /** The replay's result: steps per entity, the entities' final states, and how many inputs it used. */
    record Replayed(Map<String, List<Step>> steps, Map<String, String> states, int inputs, long lastTick) {
    }

    private ProtectionHistory() {
    }

    static Replayed replay(List<Recorded> history, ProtectionPolicy policy) {
        ProtectionReplay replay = new ProtectionReplay(policy);
        Map<String, List<Step>> steps = new TreeMap<>();
        int inputs = 0;
        for (Recorded r : history) {
            Envelope e = r.envelope();
            if (e == null || !ProtectionReplay.isInput(e.payload())) {
                continue;
            }
            inputs++;
            for (ProtectionReplay.Decision d : replay.apply(e.id(), e.payload())) {
                Transition t = d.transition();
                steps.computeIfAbsent(d.entityKey(), k -> new ArrayList<>()).add(new Step(t.from(), t.to(),
                        t.trigger(), t.tick(), t.reason(), t.actor(), d.causeId()));
            }
        }
        return new Replayed(steps, replay.states(), inputs, replay.tick());
    }

    static Map<String, List<Step>> published(List<Recorded> history) {
        Map<String, List<Step>> steps = new TreeMap<>();
        for (Recorded r : history) {
            Envelope e = r.envelope();
            if (e == null) {
                continue;
            }
            switch (e.payload()) {
                case MailboxStateChanged m -> steps.computeIfAbsent("mailbox:" + m.mailboxId(), k -> new ArrayList<>())
                        .add(new Step(m.from(), m.to(), m.trigger(), m.tick(), m.reason(), m.actor(), e.causationId()));
                case DomainStateChanged d -> steps.computeIfAbsent("domain:" + d.orgId() + "/" + d.domain(),
                        k -> new ArrayList<>()).add(new Step(d.from(), d.to(), d.trigger(), d.tick(), d.reason(),
                        d.actor(), e.causationId()));
                default -> {
                }
            }
        }
        return steps;
    }

    /** Input envelopes by id, to name the event behind a step. */
    static Map<String, Recorded> byId(List<Recorded> history) {
        Map<String, Recorded> out = new HashMap<>();
        for (Recorded r : history) {
            if (r.envelope() != null) {
                out.put(r.envelope().id(), r);
            }
        }
        return out;
    }

    static String describe(String causeId, Map<String, Recorded> byId) {
        Recorded r = causeId == null ? null : byId.get(causeId);
        if (r == null) {
            return causeId == null || causeId.isEmpty() ? "(no cause recorded)" : causeId + " (not in the history read)";
        }
        Envelope e = r.envelope();
        return e.type().wireName() + " " + e.id() + " at " + r.position() + " (" + e.time() + ", tick "
                + e.logicalTime() + "): " + Json.wire(e.payload());
    }
}
