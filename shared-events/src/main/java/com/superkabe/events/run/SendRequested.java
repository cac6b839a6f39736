package com.superkabe.events.run;

import com.superkabe.events.Require;

/**
 * One email of one step is due. {@code sendId} identifies (run, step) before any side effect: the
 * send adapter never delivers the same sendId twice. Keyed by mailbox so each mailbox sees its
 * sends in order.
 */
public record SendRequested(String orgId, String runId, String sendId, String campaignId, String leadId,
                            String mailboxId, int step, String toAddress, String toName, String subjectLine,
                            String body, long tick) implements RunEvent {
    public SendRequested {
        Require.text(orgId, "orgId");
        Require.text(sendId, "sendId");
        Require.text(mailboxId, "mailboxId");
        Require.text(toAddress, "toAddress");
        Require.text(subjectLine, "subjectLine");
        if (subjectLine.indexOf('\r') >= 0 || subjectLine.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("subjectLine must not contain CR or LF");
        }
    }

    @Override
    public String partitionKey() {
        return mailboxId;
    }
}
