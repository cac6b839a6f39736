package com.superkabe.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the demo showed what it promises: the lead who replied (Ada) stops after step 1 and is
 * REPLIED, while the others get the step-2 follow-up and complete. Pure: a function of what was
 * observed so far.
 */
record DemoVerdict(State state, String explanation) {

    enum State { PENDING, PASSED, FAILED }

    private static final Set<String> TERMINAL = Set.of("COMPLETED", "REPLIED", "FAILED");

    /**
     * @param emailsByLead how many campaign emails each lead's inbox holds (the second is step 2)
     * @param statusByLead the latest run status per lead address
     */
    static DemoVerdict judge(String replier, List<String> others, Map<String, Integer> emailsByLead,
                             Map<String, String> statusByLead) {
        int replierEmails = emailsByLead.getOrDefault(replier, 0);
        String replierStatus = statusByLead.getOrDefault(replier, "none");
        if (replierEmails > 1) {
            return new DemoVerdict(State.FAILED, replier + " got a step-2 email although she replied");
        }
        if ("FAILED".equals(replierStatus) || "COMPLETED".equals(replierStatus)) {
            return new DemoVerdict(State.FAILED, replier + "'s run ended " + replierStatus + " instead of REPLIED");
        }
        List<String> missing = new ArrayList<>();
        if (!"REPLIED".equals(replierStatus)) {
            missing.add(replier + " REPLIED (is " + replierStatus + ")");
        }
        boolean someoneFollowedUp = others.stream().anyMatch(o -> emailsByLead.getOrDefault(o, 0) >= 2);
        if (!someoneFollowedUp) {
            missing.add("a step-2 email to one of " + others);
        }
        others.stream().filter(o -> !TERMINAL.contains(statusByLead.getOrDefault(o, "none")))
                .forEach(o -> missing.add(o + " finished (is " + statusByLead.getOrDefault(o, "none") + ")"));
        if (missing.isEmpty()) {
            return new DemoVerdict(State.PASSED, replier + " replied and got no follow-up; "
                    + others.stream().filter(o -> emailsByLead.getOrDefault(o, 0) >= 2).toList() + " got step 2");
        }
        return new DemoVerdict(State.PENDING, "waiting for: " + String.join(", ", missing));
    }

    /**
     * At the deadline only the promise itself counts; a lead that is still running (e.g. the gate
     * deferred it) does not make the demo fail.
     */
    static DemoVerdict atDeadline(String replier, List<String> others, Map<String, Integer> emailsByLead,
                                  Map<String, String> statusByLead) {
        DemoVerdict v = judge(replier, others, emailsByLead, statusByLead);
        if (v.state() != State.PENDING) {
            return v;
        }
        boolean replied = "REPLIED".equals(statusByLead.get(replier));
        boolean someoneFollowedUp = others.stream().anyMatch(o -> emailsByLead.getOrDefault(o, 0) >= 2);
        return replied && someoneFollowedUp
                ? new DemoVerdict(State.PASSED, replier + " replied and got no follow-up; another lead got step 2 ("
                        + v.explanation() + ")")
                : new DemoVerdict(State.FAILED, "timed out " + v.explanation());
    }
}
