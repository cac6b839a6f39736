package com.superkabe.sendadapter.adapter.out.smtp;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.sendadapter.adapter.out.mime.MimeComposer;
import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.OutgoingEmail;
import com.superkabe.sendadapter.config.SmtpProperties;
import com.superkabe.sendadapter.domain.Delivery;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * SMTP delivery with Angus Mail. The Message-ID is the engine's, not the server's. Failures are
 * classified by where they happened: before the conversation (TRANSIENT: nothing was sent), with
 * an SMTP reply code (5xx HARD_BOUNCE, 4xx TRANSIENT), or without one mid-conversation (AMBIGUOUS).
 * Every message carries the one-click unsubscribe headers when the email has an unsubscribe URL.
 */
public class SmtpMailTransport implements MailTransport {

    private final SecretBox secrets;
    private final SmtpProperties props;
    private final Clock clock;

    public SmtpMailTransport(SecretBox secrets, SmtpProperties props, Clock clock) {
        this.secrets = secrets;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public Delivery deliver(Mailbox mailbox, OutgoingEmail email) {
        Mailbox.Endpoint smtp = mailbox.smtp();
        String protocol = "TLS".equalsIgnoreCase(smtp.security()) ? "smtps" : "smtp";
        Session session = Session.getInstance(sessionProperties(protocol, smtp));
        MimeMessage message;
        try {
            message = compose(session, email);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new Delivery("CONFIGURATION", 0, "message could not be composed: " + e.getMessage());
        }
        String password;
        try {
            password = secrets.decrypt(smtp.secret());
        } catch (IllegalArgumentException e) {
            return new Delivery("CONFIGURATION", 0, "the mailbox's SMTP password cannot be decrypted with this "
                    + "platform key: " + e.getMessage());
        }
        Transport transport;
        try {
            transport = session.getTransport(protocol);
            transport.connect(smtp.host(), smtp.port(), smtp.username(), password);
        } catch (AuthenticationFailedException e) {
            return new Delivery("CONFIGURATION", 535, "SMTP authentication failed");
        } catch (MessagingException e) {
            return new Delivery("TRANSIENT", 0, "could not connect to " + smtp.host() + ":" + smtp.port() + ": "
                    + e.getMessage());
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return Delivery.sent();
        } catch (SendFailedException e) {
            return classify(e);
        } catch (MessagingException e) {
            return new Delivery("AMBIGUOUS", 0, "connection failed mid-conversation: " + e.getMessage());
        } finally {
            closeQuietly(transport);
        }
    }

    private static Delivery classify(SendFailedException e) {
        int code = 0;
        for (Exception cause = e; cause != null; cause = ((MessagingException) cause).getNextException()
                instanceof MessagingException next ? next : null) {
            if (cause instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
                break;
            }
            if (cause instanceof SMTPSendFailedException s) {
                code = s.getReturnCode();
                break;
            }
            if (!(cause instanceof MessagingException)) {
                break;
            }
        }
        String kind = code >= 500 ? "HARD_BOUNCE" : code >= 400 ? "TRANSIENT" : "AMBIGUOUS";
        return new Delivery(kind, code, e.getMessage() == null ? "rejected" : e.getMessage().strip());
    }

    private MimeMessage compose(Session session, OutgoingEmail email) throws MessagingException,
            UnsupportedEncodingException {
        return MimeComposer.compose(session, email, clock.instant());
    }

    private Properties sessionProperties(String protocol, Mailbox.Endpoint smtp) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        p.put(prefix + "connectiontimeout", Long.toString(props.connectTimeout().toMillis()));
        p.put(prefix + "timeout", Long.toString(props.readTimeout().toMillis()));
        p.put(prefix + "writetimeout", Long.toString(props.readTimeout().toMillis()));
        if ("STARTTLS".equalsIgnoreCase(smtp.security())) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        return p;
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the outcome is already decided; a failed QUIT changes nothing
        }
    }
}
