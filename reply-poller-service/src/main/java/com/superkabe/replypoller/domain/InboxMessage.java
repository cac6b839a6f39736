package com.superkabe.replypoller.domain;

/**
 * The headers of one inbox message that matter for classification, as read from the server
 * (raw header values; any may be null or malformed).
 */
public record InboxMessage(String messageId, String inReplyTo, String references, String fromAddress,
                           String subject) {
}
