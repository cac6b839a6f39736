package com.superkabe.events.reply;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * A message in the mailbox's inbox answers a message we sent (matched by In-Reply-To or
 * References). {@code replyId} is derived from the mailbox and the reply's own Message-ID.
 */
public record ReplyReceived(String orgId, String replyId, String mailboxId, String sendId, String runId,
                            String leadId, String inReplyTo, String fromAddress, String subjectLine)
        implements SuperkabeEvent {
    public ReplyReceived {
        Require.text(orgId, "orgId");
        Require.text(replyId, "replyId");
        Require.text(mailboxId, "mailboxId");
        Require.text(runId, "runId");
    }

    @Override
    public String subject() {
        return runId;
    }

    @Override
    public String partitionKey() {
        return mailboxId;
    }
}
