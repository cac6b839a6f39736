package com.superkabe.sequencer.domain;

import static com.superkabe.sequencer.domain.RunStatus.ACTIVE;
import static com.superkabe.sequencer.domain.RunStatus.BOUNCED;
import static com.superkabe.sequencer.domain.RunStatus.COMPLETED;
import static com.superkabe.sequencer.domain.RunStatus.FAILED;
import static com.superkabe.sequencer.domain.RunStatus.PAUSED;
import static com.superkabe.sequencer.domain.RunStatus.PENDING;
import static com.superkabe.sequencer.domain.RunStatus.REPLIED;
import static com.superkabe.sequencer.domain.RunStatus.UNSUBSCRIBED;
import static com.superkabe.sequencer.domain.RunStatus.WAITING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transitions a run may make (ADR 0022): seed 003's table, seed 002's stop statuses from any
 * running state, and the operator's explicit resolution of a FAILED run. A status that does not change
 * (a send requested while ACTIVE, a hold recorded, a rejected command) is not a transition.
 */
public final class RunTransitions {

    private static final Set<RunStatus> STOPS = EnumSet.of(REPLIED, BOUNCED, UNSUBSCRIBED);

    private static final Map<RunStatus, Set<RunStatus>> TABLE = Map.of(
            PENDING, EnumSet.of(ACTIVE),
            ACTIVE, EnumSet.of(WAITING, PAUSED, COMPLETED, FAILED),
            // an operator's pause of a run that is waiting; the seed draws WAITING and PAUSED side by side
            WAITING, EnumSet.of(ACTIVE, PAUSED),
            // resume or resolve; an operator's stop ends it FAILED
            PAUSED, EnumSet.of(ACTIVE, FAILED),
            // "requires explicit resolution to continue": retry or skip; a stop keeps it FAILED
            FAILED, EnumSet.of(ACTIVE));

    private RunTransitions() {
    }

    /** Whether a run may go from {@code from} to {@code to} (the same status is no transition and always allowed). */
    public static boolean allowed(RunStatus from, RunStatus to) {
        if (from == to) {
            return true;
        }
        if (from == null) {
            return to == PENDING;
        }
        if (STOPS.contains(to)) {
            // a reply or a suppression also closes a FAILED run, so no later resolve can send to it
            return !from.terminal() || from == FAILED;
        }
        return TABLE.getOrDefault(from, Set.of()).contains(to);
    }
}
