package com.superkabe.events.reply;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * A mailbox provider's feedback report (ARF, RFC 5965: {@code multipart/report;
 * report-type=feedback-report}) in the mailbox's inbox says {@code recipient} reported a message
 * we sent. {@code feedbackType} is the report's Feedback-Type (abuse, fraud, opt-out, ...;
 * "abuse" when absent). The send fields are set when the reported message was matched to a send
 * we made, otherwise null. {@code complaintId} is derived from the mailbox and the report's own
 * Message-ID, so polling the same report again yields the same id.
 */
public record ComplaintReceived(String orgId, String complaintId, String mailboxId, String sendId, String runId,
                                String campaignId, String leadId, String recipient, String feedbackType,
                                String reportMessageId, String originalMessageId) implements SuperkabeEvent {
    public ComplaintReceived {
        Require.text(orgId, "orgId");
        Require.text(complaintId, "complaintId");
        Require.text(mailboxId, "mailboxId");
        Require.text(feedbackType, "feedbackType");
    }

    /** The send when matched, otherwise the complaint itself. */
    @Override
    public String subject() {
        return sendId != null ? sendId : complaintId;
    }

    @Override
    public String partitionKey() {
        return mailboxId;
    }
}
