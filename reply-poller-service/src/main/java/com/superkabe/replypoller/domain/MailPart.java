package com.superkabe.replypoller.domain;

/**
 * One leaf of a message's MIME tree, decoded to text: {@code mimeType} lower-case without
 * parameters (e.g. {@code message/delivery-status}), {@code contentType} the full header value
 * (parameters such as {@code report-type}), {@code text} the transfer-decoded content. A nested
 * {@code message/rfc822} is one leaf holding the whole original message as text.
 */
public record MailPart(String mimeType, String contentType, String text) {
    public MailPart {
        mimeType = mimeType == null ? "text/plain" : mimeType;
        contentType = contentType == null ? mimeType : contentType;
        text = text == null ? "" : text;
    }
}
