package com.superkabe.replypoller.adapter.out.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Raw RFC 5322 messages for the provider fakes to hold. */
final class Mails {

    private Mails() {
    }

    static byte[] reply(String messageId, String inReplyTo, String subject) {
        return ("From: Ada <ada@lead.test>\r\nTo: sales@acme.test\r\nSubject: " + subject + "\r\n"
                + "Date: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: " + messageId + "\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n")
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThanks, let's talk.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Gmail's real DSN (Sisimai rfc3464-63), rewritten to report {@code sentMessageId} sent to {@code recipient}. */
    static byte[] gmailDsn(String sentMessageId, String recipient) {
        try (InputStream in = Mails.class.getResourceAsStream("/corpus/bounces/eml/rfc3464-63.eml")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .replace("144493c0-8548-4b2b-987f-ae719df82545@Spark", sentMessageId)
                    .replace("libsisimai-2@googlegroups.com", recipient)
                    .getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
