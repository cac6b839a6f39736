package com.superkabe.replypoller.domain;

/**
 * One inbox message as read from the server: the headers that matter for matching (raw values;
 * any may be null or malformed) and its content (all top-level headers and MIME leaves; headers
 * only when the body was not worth fetching).
 */
public record InboxMessage(String messageId, String inReplyTo, String references, String fromAddress,
                           String subject, MailContent content) {

    public InboxMessage {
        content = content == null ? MailContent.EMPTY : content;
    }

    /** A message known by its threading headers only. */
    public InboxMessage(String messageId, String inReplyTo, String references, String fromAddress, String subject) {
        this(messageId, inReplyTo, references, fromAddress, subject, MailContent.EMPTY);
    }
}
