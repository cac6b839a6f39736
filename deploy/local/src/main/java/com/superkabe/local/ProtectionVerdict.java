package com.superkabe.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the protection demo showed what it promises: the mailbox walked healthy → paused (by its
 * own bounces) → quarantine → restricted_send → warm_recovery → healthy, the lead was blocked with
 * HEALTH_ISSUE while the mailbox was paused, and after recovery and release it was allowed and its
 * run started. Pure: a function of what was observed so far.
 */
record ProtectionVerdict(DemoVerdict.State state, String explanation) {

    /** The walk, as the states entered in order; other states may come between (e.g. warning). */
    static final List<String> WALK = List.of("healthy", "paused", "quarantine", "restricted_send", "warm_recovery",
            "healthy");

    /** One row of the mailbox's audit trail. */
    record Step(String from, String to, String trigger) {
    }

    /** One gate decision for the lead; {@code mailboxAnswer} is the "Mailboxes available?" check's answer. */
    record Decision(String outcome, String failureClass, String mailboxAnswer) {
    }

    static ProtectionVerdict judge(List<Step> trail, List<Decision> decisions, String runStatus) {
        List<String> wrong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        judgeWalk(trail, wrong, missing);
        judgeGate(decisions, wrong, missing);
        if (runStatus == null) {
            missing.add("the lead's run at the sequencer");
        }
        if (!wrong.isEmpty()) {
            return new ProtectionVerdict(DemoVerdict.State.FAILED, String.join("; ", wrong));
        }
        if (!missing.isEmpty()) {
            return new ProtectionVerdict(DemoVerdict.State.PENDING, "waiting for: " + String.join(", ", missing));
        }
        return new ProtectionVerdict(DemoVerdict.State.PASSED, "the mailbox walked " + String.join(" → ", WALK)
                + " with its audit trail; the lead was blocked with HEALTH_ISSUE while it was paused, allowed after"
                + " recovery and release, and its run is " + runStatus);
    }

    /** At the end of a wait that timed out: what is still missing is a failure. */
    static ProtectionVerdict timedOut(String waitingFor, List<Step> trail, List<Decision> decisions, String runStatus) {
        ProtectionVerdict v = judge(trail, decisions, runStatus);
        if (v.state() == DemoVerdict.State.FAILED) {
            return v;
        }
        return new ProtectionVerdict(DemoVerdict.State.FAILED, "timed out waiting for " + waitingFor
                + (v.state() == DemoVerdict.State.PENDING ? " (" + v.explanation() + ")" : ""));
    }

    private static void judgeWalk(List<Step> trail, List<String> wrong, List<String> missing) {
        int reached = 0;
        for (Step s : trail) {
            if ("relapse".equals(s.trigger())) {
                wrong.add("the mailbox relapsed (" + s.from() + " → " + s.to() + ") instead of healing");
            }
            if ("paused".equals(s.to()) && !"bounce_threshold".equals(s.trigger())) {
                wrong.add("the mailbox was paused by " + s.trigger() + ", not by its own bounces (mailbox scope)");
            }
            if (reached < WALK.size() && WALK.get(reached).equals(s.to())) {
                reached++;
            }
        }
        if (reached < WALK.size()) {
            missing.add("the mailbox to reach " + WALK.get(reached) + " (walk so far: "
                    + String.join(" → ", WALK.subList(0, reached)) + ")");
        }
    }

    private static void judgeGate(List<Decision> decisions, List<String> wrong, List<String> missing) {
        if (decisions.isEmpty()) {
            missing.add("the gate's first decision on the lead");
            return;
        }
        Decision first = decisions.getFirst();
        if (!"BLOCKED".equals(first.outcome()) || !"HEALTH_ISSUE".equals(first.failureClass())
                || !"NO".equals(first.mailboxAnswer())) {
            wrong.add("the gate's first decision was " + first.outcome() + " " + first.failureClass()
                    + " (Mailboxes available? " + first.mailboxAnswer() + "), not BLOCKED HEALTH_ISSUE with no mailbox");
            return;
        }
        if (decisions.stream().skip(1).noneMatch(d -> "ALLOWED".equals(d.outcome()))) {
            missing.add("an ALLOWED decision after the release");
        }
    }
}
