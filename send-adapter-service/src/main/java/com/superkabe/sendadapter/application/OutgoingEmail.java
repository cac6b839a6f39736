package com.superkabe.sendadapter.application;

/**
 * A rendered email ready for a transport; header values are single-line by construction.
 * {@code textBody} is always present; {@code htmlBody}, when present, is its HTML alternative.
 * {@code unsubscribeUrl}, when present, becomes the RFC 8058 one-click {@code List-Unsubscribe} header.
 */
public record OutgoingEmail(String messageId, String fromAddress, String toAddress, String toName, String subject,
                            String textBody, String htmlBody, String unsubscribeUrl) {
    public OutgoingEmail {
        for (String header : new String[] {messageId, fromAddress, toAddress, toName, subject, unsubscribeUrl}) {
            if (header != null && (header.indexOf('\r') >= 0 || header.indexOf('\n') >= 0)) {
                throw new IllegalArgumentException("header values must not contain CR or LF");
            }
        }
        if (unsubscribeUrl != null && (unsubscribeUrl.indexOf('>') >= 0 || unsubscribeUrl.indexOf(',') >= 0)) {
            throw new IllegalArgumentException("unsubscribeUrl must not contain '>' or ','");
        }
        if (textBody == null) {
            throw new IllegalArgumentException("textBody is required");
        }
    }
}
