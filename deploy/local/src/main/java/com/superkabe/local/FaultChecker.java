package com.superkabe.local;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges one fault scenario from what each side observed, trusting none of the services' own claims
 * (Jepsen's rule): the leads the client saw acknowledged, the runs the sequencer serves, the run
 * transitions on the topic, and the messages the SMTP peer accepted. The run-state model here is
 * written from seed 003's table (and seed 002's stop statuses), not taken from the sequencer, so a bug
 * in the sequencer's own table cannot hide itself.
 */
final class FaultChecker {

    /** A run's status as the checker models it; UNCHANGED stands for an event that moves it nowhere (a send, a hold). */
    enum Status { PENDING, ACTIVE, WAITING, PAUSED, COMPLETED, FAILED, STOPPED, UNCHANGED }

    private static final Map<Status, Set<Status>> LEGAL = Map.of(
            Status.PENDING, EnumSet.of(Status.ACTIVE, Status.STOPPED),
            Status.ACTIVE, EnumSet.of(Status.WAITING, Status.PAUSED, Status.COMPLETED, Status.FAILED, Status.STOPPED),
            Status.WAITING, EnumSet.of(Status.ACTIVE, Status.PAUSED, Status.STOPPED),
            Status.PAUSED, EnumSet.of(Status.ACTIVE, Status.FAILED, Status.STOPPED),
            // an operator's retry or skip continues a failed run; a reply or a suppression closes it
            Status.FAILED, EnumSet.of(Status.ACTIVE, Status.STOPPED),
            Status.COMPLETED, EnumSet.noneOf(Status.class),
            Status.STOPPED, EnumSet.noneOf(Status.class));

    /**
     * What a scenario observed.
     *
     * @param acked       addresses whose submission was acknowledged (2xx, or a committed intake record)
     * @param runs        address → run id, as the sequencer's API lists the campaign's runs
     * @param transitions run id → the statuses its run events moved it to, in topic order
     * @param delivered   recipient address → Message-IDs the SMTP peer accepted for it
     * @param dailyLimit  the campaign's daily limit; the scenario stays within one campaign day
     * @param decided     run id → its event ids in the order the sequencer decided them (its run API)
     * @param published   run id → its event ids in the order they stand on {@code superkabe.runs}
     */
    record Observation(Set<String> acked, Map<String, String> runs, Map<String, List<Status>> transitions,
                       Map<String, List<String>> delivered, int dailyLimit, Map<String, List<String>> decided,
                       Map<String, List<String>> published) {

        Observation(Set<String> acked, Map<String, String> runs, Map<String, List<Status>> transitions,
                    Map<String, List<String>> delivered, int dailyLimit) {
            this(acked, runs, transitions, delivered, dailyLimit, Map.of(), Map.of());
        }
    }

    /**
     * @param verify the forensics verify's outcome after the scenario, or null when it was not run
     */
    record Verdict(int leadsAcked, int lost, int sends, int duplicates, int capViolations, int illegalStates,
                   int orderViolations, List<String> findings, ForensicsVerify.Outcome verify) {

        boolean clean() {
            return lost == 0 && duplicates == 0 && capViolations == 0 && illegalStates == 0 && orderViolations == 0
                    && (verify == null || verify == ForensicsVerify.Outcome.CLEAN);
        }

        Verdict withVerify(ForensicsVerify.Outcome outcome, List<String> more) {
            List<String> all = new ArrayList<>(findings);
            all.addAll(more);
            return new Verdict(leadsAcked, lost, sends, duplicates, capViolations, illegalStates, orderViolations,
                    List.copyOf(all), outcome);
        }

        /**
         * The line the issue fixes (scripts parse it), then the fields added since at its end: runs whose events
         * stand on the topic in another order than decided, and verify's outcome once it ran.
         */
        String line(String scenario) {
            return "CHECKER scenario=" + scenario + " leads_acked=" + leadsAcked + " lost=" + lost + " sends=" + sends
                    + " duplicates=" + duplicates + " cap_violations=" + capViolations
                    + " illegal_states=" + illegalStates + " order_violations=" + orderViolations
                    + (verify == null ? "" : " verify=" + verify.field());
        }
    }

    private FaultChecker() {
    }

    static Verdict check(Observation o) {
        List<String> findings = new ArrayList<>();
        int lost = 0;
        for (String address : o.acked()) {
            if (!o.runs().containsKey(address)) {
                lost++;
                findings.add("lost: " + address + " was acknowledged but has no run");
            }
        }
        int sends = 0;
        int duplicates = 0;
        Map<String, Integer> byMessageId = new HashMap<>();
        for (Map.Entry<String, List<String>> e : o.delivered().entrySet()) {
            sends += e.getValue().size();
            // every campaign of a fault run has one step: a second message to an address is a duplicate
            if (e.getValue().size() > 1) {
                duplicates += e.getValue().size() - 1;
                findings.add("duplicate: " + e.getKey() + " received " + e.getValue().size() + " messages "
                        + e.getValue());
            }
            e.getValue().forEach(id -> byMessageId.merge(id, 1, Integer::sum));
        }
        byMessageId.forEach((id, n) -> {
            if (n > 1) {
                findings.add("duplicate Message-ID " + id + " accepted " + n + " times");
            }
        });
        int capViolations = Math.max(0, sends - o.dailyLimit());
        if (capViolations > 0) {
            findings.add("cap: " + sends + " sends on one campaign day against a daily limit of " + o.dailyLimit());
        }
        int illegal = 0;
        for (Map.Entry<String, List<Status>> run : o.transitions().entrySet()) {
            String why = illegalStep(run.getValue());
            if (why != null) {
                illegal++;
                findings.add("illegal: run " + run.getKey() + " " + why);
            }
        }
        int order = 0;
        for (Map.Entry<String, List<String>> run : o.decided().entrySet()) {
            String why = outOfOrder(run.getValue(), o.published().getOrDefault(run.getKey(), List.of()));
            if (why != null) {
                order++;
                findings.add("order: run " + run.getKey() + " " + why);
            }
        }
        return new Verdict(o.acked().size(), lost, sends, duplicates, capViolations, illegal, order,
                List.copyOf(findings), null);
    }

    /**
     * Null when the events of one key (a run) that stand on the topic do so in the order they were decided,
     * else the first pair that was swapped. Events not (yet) on one side are not compared.
     */
    static String outOfOrder(List<String> decided, List<String> published) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < decided.size(); i++) {
            rank.putIfAbsent(decided.get(i), i);
        }
        String previous = null;
        int previousRank = -1;
        for (String id : published) {
            Integer r = rank.get(id);
            if (r == null) {
                continue;
            }
            if (r < previousRank) {
                return "has event " + id + " (decided #" + (r + 1) + ") on the topic after " + previous
                        + " (decided #" + (previousRank + 1) + ")";
            }
            previous = id;
            previousRank = r;
        }
        return null;
    }

    /** Null when every status change of the run is legal, else what was not. */
    static String illegalStep(List<Status> statuses) {
        Status at = null;
        for (Status next : statuses) {
            if (next == Status.UNCHANGED) {
                if (at == null) {
                    return "has an event before it was enrolled";
                }
                if (at == Status.COMPLETED || at == Status.STOPPED) {
                    return "has an event after it ended " + at;
                }
                continue;
            }
            if (at == null) {
                if (next != Status.PENDING) {
                    return "starts " + next + " instead of PENDING";
                }
            } else if (next == Status.PENDING) {
                return "was enrolled twice";
            } else if (next != at && !LEGAL.get(at).contains(next)) {
                return "went " + at + " → " + next;
            }
            at = next;
        }
        return null;
    }
}
