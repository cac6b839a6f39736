package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * One email of one step is due. {@code sendId} identifies (run, step, attempt) before any side
 * effect: the send adapter never delivers the same sendId twice. Keyed by mailbox so each mailbox
 * sees its sends in order. Optional (ADR 0019, 0020): {@code mailingAddress}, the organization's
 * postal address for the CAN-SPAM footer (the adapter refuses to send without one);
 * {@code euComplianceMode}, true when the campaign sends without the open pixel and click rewriting;
 * {@code attempt}, 0 for the first try of the step and counting up on retries and reroutes;
 * {@code batchId}, the mailbox's batch of this tick, which the adapter sends over one connection.
 */
public record SendRequested(String orgId, String runId, String sendId, String campaignId, String leadId,
                            String mailboxId, int step, String toAddress, String toName, String subjectLine,
                            String body, long tick, String mailingAddress, Boolean euComplianceMode,
                            Integer attempt, String batchId) implements RunEvent {
    public SendRequested {
        Require.text(orgId, "orgId");
        Require.text(sendId, "sendId");
        Require.text(mailboxId, "mailboxId");
        Require.text(toAddress, "toAddress");
        Require.text(subjectLine, "subjectLine");
        if (subjectLine.indexOf('\r') >= 0 || subjectLine.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("subjectLine must not contain CR or LF");
        }
        if (attempt != null && attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative");
        }
    }

    /** The version-1 shape, without footer, EU mode, attempt and batch. */
    public SendRequested(String orgId, String runId, String sendId, String campaignId, String leadId,
                         String mailboxId, int step, String toAddress, String toName, String subjectLine, String body,
                         long tick) {
        this(orgId, runId, sendId, campaignId, leadId, mailboxId, step, toAddress, toName, subjectLine, body, tick,
                null, null, null, null);
    }

    /** Whether tracking (open pixel, click rewriting) must be left out. */
    public boolean trackingDisabled() {
        return Boolean.TRUE.equals(euComplianceMode);
    }

    /** The attempt number, 0 when absent. */
    public int attemptNo() {
        return attempt == null ? 0 : attempt;
    }

    @Override
    public String partitionKey() {
        return mailboxId;
    }
}
