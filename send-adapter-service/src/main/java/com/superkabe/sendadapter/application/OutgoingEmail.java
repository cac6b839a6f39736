package com.superkabe.sendadapter.application;

/** A rendered email ready for a transport; header values are single-line by construction. */
public record OutgoingEmail(String messageId, String fromAddress, String toAddress, String toName, String subject,
                            String body) {
    public OutgoingEmail {
        for (String header : new String[] {messageId, fromAddress, toAddress, toName, subject}) {
            if (header != null && (header.indexOf('\r') >= 0 || header.indexOf('\n') >= 0)) {
                throw new IllegalArgumentException("header values must not contain CR or LF");
            }
        }
    }
}
