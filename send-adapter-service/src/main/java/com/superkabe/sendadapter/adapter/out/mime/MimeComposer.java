package com.superkabe.sendadapter.adapter.out.mime;

import com.superkabe.sendadapter.application.OutgoingEmail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * The one RFC 5322 rendering of an email, shared by every transport so that SMTP and API providers
 * carry the same Message-ID (the engine's, not the server's), the same one-click unsubscribe headers
 * and the same tracked body.
 */
public final class MimeComposer {

    private MimeComposer() {
    }

    public static MimeMessage compose(Session session, OutgoingEmail email, Instant date) throws MessagingException,
            UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", email.messageId());
            }
        };
        message.setFrom(new InternetAddress(email.fromAddress()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.toAddress(),
                email.toName() == null || email.toName().isBlank() ? null : email.toName(), "UTF-8"));
        message.setSubject(email.subject(), "UTF-8");
        message.setText(email.body(), "UTF-8", email.html() ? "html" : "plain");
        if (email.unsubscribeUrl() != null) {
            // RFC 8058: the provider POSTs "List-Unsubscribe=One-Click" to the URL; no mailto is offered
            message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setSentDate(Date.from(date));
        return message;
    }

    /** The message as the bytes an API provider takes (CRLF line ends, headers then body). */
    public static byte[] bytes(OutgoingEmail email, Instant date) throws MessagingException, IOException {
        MimeMessage message = compose(Session.getInstance(new Properties()), email, date);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
