package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * The run's recipient is suppressed in its organization, so the run ends (terminal) and no further
 * step is sent, even one already due. {@code cause}: UNSUBSCRIBED (the recipient unsubscribed) or
 * BOUNCED (the address hard-bounced). {@code sourceRunId} is the run where that happened: this run,
 * another run of the organization (org-wide suppression: CAN-SPAM § 5(a)(4)(A), CASL § 11(3), GDPR
 * Art. 21), or null when the fact named no run. {@code step} is the step the run had reached;
 * {@code reason} says why in words.
 */
public record RunSuppressed(String orgId, String runId, int step, String cause, String reason, String sourceRunId,
                            long tick) implements RunEvent {
    public RunSuppressed {
        Require.text(orgId, "orgId");
        Require.text(runId, "runId");
        Require.text(cause, "cause");
        Require.text(reason, "reason");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
