package com.superkabe.gate.application.replay;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.gate.GateReleaseRequested;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.gate.LeadGateChecked;
import com.superkabe.gate.application.GateService;
import com.superkabe.gate.domain.CheckedDecider;
import com.superkabe.gate.domain.LeadGateState;
import com.superkabe.gate.domain.LeadOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Replays the gate's topics into a fresh decider with in-memory state. Feed it, in topic order, the
 * records of {@code superkabe.gate-checks} (its inputs: {@link LeadGateChecked},
 * {@link GateReleaseRequested}) and of {@code superkabe.gate-decisions} (what the gate published:
 * {@link LeadGateAllowed}, {@link LeadGateBlocked}); the two topics may interleave in any order, since
 * each (lead, campaign) pair's decisions are compared as sequences.
 *
 * <p>Each input is decided again by {@link CheckedDecider} with the replay's own count of failed
 * attempts, and the pair's state is checked against what made the gate decide: a first decision
 * finds the pair new, a re-decision on campaign or mailbox news finds it HELD, a retry finds it
 * RETRYING and due, a release finds it PAUSED and named by a release request. The state hash of a
 * pair is a SHA-256 chain over its decisions' wire JSON, computed alike for the replayed decisions
 * and the published ones, so equal hashes mean equal decision histories.
 */
public final class GateReplay {

    /** Where the replay and the gate disagree first for one pair, with the input that caused it. */
    public record Divergence(String key, int index, String causeId, String expected, String actual) {
    }

    /** A pair's gate state after the replayed decisions. */
    public record PairState(LeadGateState state, int attempts, Long nextTick) {
    }

    private record Step(String id, String digest) {
    }

    private static final EventCodec CODEC = new EventCodec();

    private final Map<String, PairState> states = new TreeMap<>();
    private final Map<String, List<Step>> replayed = new TreeMap<>();
    private final Map<String, List<Step>> published = new TreeMap<>();
    private final Map<String, Integer> releases = new TreeMap<>();
    private final Map<String, String> releaseIds = new TreeMap<>();
    private final List<Divergence> inconsistencies = new ArrayList<>();
    private long inputs;

    /** The gate's inputs on {@code superkabe.gate-checks}. */
    public static boolean isInput(SuperkabeEvent e) {
        return e instanceof LeadGateChecked || e instanceof GateReleaseRequested;
    }

    /** The gate's published decisions on {@code superkabe.gate-decisions}. */
    public static boolean isPublished(SuperkabeEvent e) {
        return e instanceof LeadGateAllowed || e instanceof LeadGateBlocked;
    }

    /** The entity key of a (lead, campaign) pair: {@code lead:<leadId>/<campaignId>}. */
    public static String key(String leadId, String campaignId) {
        return "lead:" + leadId + "/" + campaignId;
    }

    /** Replays a whole recorded history (both topics, in order). */
    public static GateReplay replay(List<Envelope> history) {
        GateReplay r = new GateReplay();
        history.forEach(e -> r.accept(e.id(), e.payload()));
        return r;
    }

    /** Takes one record of either topic; anything else is ignored. */
    public void accept(String eventId, SuperkabeEvent e) {
        switch (e) {
            case LeadGateChecked c -> checked(eventId, c);
            case GateReleaseRequested r -> released(eventId, r);
            case LeadGateAllowed a -> publish(key(a.lead().leadId(), a.campaignId()), eventId, a);
            case LeadGateBlocked b -> publish(key(b.leadId(), b.campaignId()), eventId, b);
            default -> {
            }
        }
    }

    /** Decides one input again, with the pair's replayed attempts, after checking its state agrees. */
    private void checked(String eventId, LeadGateChecked c) {
        inputs++;
        String key = key(c.lead().leadId(), c.campaignId());
        PairState before = states.get(key);
        consistent(eventId, key, c, before).ifPresent(inconsistencies::add);
        int attempts = before == null ? 0 : before.attempts();
        CheckedDecider.Decided d = CheckedDecider.decide(c, attempts);
        LeadOutcome o = d.outcome();
        states.put(key, new PairState(o.next(), o.attempts(), o instanceof LeadOutcome.Block b ? b.nextTick() : null));
        replayed.computeIfAbsent(key, k -> new ArrayList<>()).add(new Step(eventId, digest(d.event())));
    }

    private Optional<Divergence> consistent(String eventId, String key, LeadGateChecked c, PairState before) {
        int index = replayed.getOrDefault(key, List.of()).size();
        String trigger = c.trigger();
        String expected;
        boolean ok;
        if (trigger.equals(EventType.LEAD_ACCEPTED.wireName())) {
            expected = "a pair the gate has not decided yet";
            ok = before == null;
        } else if (trigger.equals(EventType.CLOCK_TICKED.wireName())) {
            expected = "RETRYING, due by tick " + c.tick();
            ok = before != null && before.state() == LeadGateState.RETRYING && before.nextTick() != null
                    && before.nextTick() <= c.tick();
        } else if (trigger.equals(GateService.RELEASE)) {
            expected = "PAUSED and named by a release request";
            ok = before != null && before.state() == LeadGateState.PAUSED;
            releases.merge(key, -1, Integer::sum);
        } else {
            expected = "HELD";
            ok = before != null && before.state() == LeadGateState.HELD;
        }
        if (!ok) {
            return Optional.of(new Divergence(key, index, eventId, "state before " + trigger + ": " + expected,
                    "state before " + trigger + ": " + (before == null ? "new" : before.state())));
        }
        if (before != null && c.attempts() != before.attempts()) {
            return Optional.of(new Divergence(key, index, eventId, "attempts " + before.attempts(),
                    "attempts " + c.attempts() + " recorded"));
        }
        return Optional.empty();
    }

    private void released(String eventId, GateReleaseRequested r) {
        inputs++;
        for (GateReleaseRequested.Pair p : r.released()) {
            String key = key(p.leadId(), p.campaignId());
            releases.merge(key, 1, Integer::sum);
            releaseIds.put(key, eventId);
        }
    }

    private void publish(String key, String eventId, SuperkabeEvent decision) {
        published.computeIfAbsent(key, k -> new ArrayList<>()).add(new Step(eventId, digest(decision)));
    }

    /** How many inputs were replayed. */
    public long inputs() {
        return inputs;
    }

    /** Every pair's replayed gate state. */
    public Map<String, PairState> states() {
        return java.util.Collections.unmodifiableMap(states);
    }

    /** Per pair, the hash of its replayed decisions. */
    public Map<String, String> stateHashes() {
        return hashes(replayed);
    }

    /** Per pair, the hash of the decisions the gate published. */
    public Map<String, String> publishedHashes() {
        return hashes(published);
    }

    /**
     * Every disagreement, at most one per pair (its first), by pair: a replayed decision that differs
     * from the published one, one published without an input (or an input without its published
     * decision), a state the input's trigger contradicts, and a release that decided nothing.
     */
    public List<Divergence> divergences() {
        Map<String, Divergence> first = new TreeMap<>();
        for (Divergence d : inconsistencies) {
            first.putIfAbsent(d.key(), d);
        }
        java.util.Set<String> keys = new java.util.TreeSet<>(replayed.keySet());
        keys.addAll(published.keySet());
        for (String key : keys) {
            List<Step> mine = replayed.getOrDefault(key, List.of());
            List<Step> theirs = published.getOrDefault(key, List.of());
            for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
                Step m = i < mine.size() ? mine.get(i) : null;
                Step t = i < theirs.size() ? theirs.get(i) : null;
                if (m == null || t == null || !m.digest().equals(t.digest())) {
                    Divergence d = new Divergence(key, i, m != null ? m.id() : t.id(),
                            t == null ? "no published decision" : t.digest(),
                            m == null ? "no recorded input" : m.digest());
                    Divergence earlier = first.get(key);
                    if (earlier == null || earlier.index() > i) {
                        first.put(key, d);
                    }
                    break;
                }
            }
        }
        releases.forEach((key, n) -> {
            if (n != 0) {
                first.putIfAbsent(key, new Divergence(key, replayed.getOrDefault(key, List.of()).size(),
                        releaseIds.getOrDefault(key, ""), "one release decision per released pair",
                        (n > 0 ? n + " release(s) not decided" : -n + " release decision(s) without a request")));
            }
        });
        return List.copyOf(first.values());
    }

    /** True when every pair's replayed decisions equal the published ones. */
    public boolean matches() {
        return divergences().isEmpty();
    }

    /** The wire type and JSON of a decision: what the hashes chain. */
    public static String digest(SuperkabeEvent decision) {
        return EventType.of(decision).wireName() + " " + new String(CODEC.toJson(decision), StandardCharsets.UTF_8);
    }

    private static Map<String, String> hashes(Map<String, List<Step>> steps) {
        Map<String, String> out = new TreeMap<>();
        steps.forEach((key, list) -> out.put(key, chain(list)));
        return out;
    }

    private static String chain(List<Step> steps) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = new byte[0];
            for (Step s : steps) {
                sha.update(h);
                h = sha.digest(s.digest().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
