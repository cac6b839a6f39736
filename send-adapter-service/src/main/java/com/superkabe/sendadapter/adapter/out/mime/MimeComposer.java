package com.superkabe.sendadapter.adapter.out.mime;

import com.superkabe.sendadapter.application.OutgoingEmail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
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

    /**
     * A message that keeps the engine's Message-ID and notes when its bytes start to be written: for
     * SMTP that happens only after the server answered DATA with 354, so a connection lost before it
     * sent nothing (TRANSIENT) and one lost after it may have delivered (AMBIGUOUS).
     */
    public static final class Composed extends MimeMessage {

        private final String messageId;
        private volatile boolean written;

        Composed(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }

        @Override
        public void writeTo(java.io.OutputStream os, String[] ignoreList) throws IOException, MessagingException {
            written = true;
            super.writeTo(os, ignoreList);
        }

        /** True once the transport started writing the message's bytes. */
        public boolean written() {
            return written;
        }
    }

    public static Composed compose(Session session, OutgoingEmail email, Instant date) throws MessagingException,
            UnsupportedEncodingException {
        Composed message = new Composed(session, email.messageId());
        message.setFrom(new InternetAddress(email.fromAddress()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.toAddress(),
                email.toName() == null || email.toName().isBlank() ? null : email.toName(), "UTF-8"));
        message.setSubject(email.subject(), "UTF-8");
        if (email.htmlBody() == null) {
            message.setText(email.textBody(), "UTF-8", "plain");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.textBody(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.htmlBody(), "UTF-8", "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
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
