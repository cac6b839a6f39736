package com.superkabe.events.run;

import com.superkabe.events.SuperkabeEvent;

/**
 * Transitions of a CampaignLead run, the sequencer's deterministic execution unit. Every event
 * carries the logical tick at which it was decided.
 */
public sealed interface RunEvent extends SuperkabeEvent
        permits RunEnrolled, SendRequested, RunStepAdvanced, RunCompleted, RunReplied, RunFailed,
        RunSuppressed, RunSendRetryScheduled, RunMailboxAssigned, RunPaused, RunResumed, RunStarted, RunWaiting,
        RunWaitElapsed, RunCommandRejected, RunPolicyHeld, RunStepSkipped, RunStopped, RunEngagementRecorded {

    String runId();

    long tick();

    @Override
    default String subject() {
        return runId();
    }
}
