package com.superkabe.replypoller.domain;

/** A message we sent, known from its EmailSent event; {@code messageId} is normalised. */
public record SentMessage(String messageId, String orgId, String mailboxId, String sendId, String runId,
                          String leadId, String campaignId, String recipient) {
    public SentMessage {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is required");
        }
    }

    /** A sent message known without its campaign and recipient (rows recorded before V11). */
    public SentMessage(String messageId, String orgId, String mailboxId, String sendId, String runId, String leadId) {
        this(messageId, orgId, mailboxId, sendId, runId, leadId, null, null);
    }
}
