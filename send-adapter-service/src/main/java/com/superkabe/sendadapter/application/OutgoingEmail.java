package com.superkabe.sendadapter.application;

/**
 * A rendered email ready for a transport; header values are single-line by construction.
 * {@code html} says how {@code body} is to be sent; {@code unsubscribeUrl}, when present, becomes the
 * RFC 8058 one-click {@code List-Unsubscribe} header.
 */
public record OutgoingEmail(String messageId, String fromAddress, String toAddress, String toName, String subject,
                            String body, boolean html, String unsubscribeUrl) {
    public OutgoingEmail {
        for (String header : new String[] {messageId, fromAddress, toAddress, toName, subject, unsubscribeUrl}) {
            if (header != null && (header.indexOf('\r') >= 0 || header.indexOf('\n') >= 0)) {
                throw new IllegalArgumentException("header values must not contain CR or LF");
            }
        }
        if (unsubscribeUrl != null && (unsubscribeUrl.indexOf('>') >= 0 || unsubscribeUrl.indexOf(',') >= 0)) {
            throw new IllegalArgumentException("unsubscribeUrl must not contain '>' or ','");
        }
    }
}
