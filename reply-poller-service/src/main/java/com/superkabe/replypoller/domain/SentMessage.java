package com.superkabe.replypoller.domain;

/** A message we sent, known from its EmailSent event; {@code messageId} is normalised. */
public record SentMessage(String messageId, String orgId, String mailboxId, String sendId, String runId,
                          String leadId) {
    public SentMessage {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is required");
        }
    }
}
