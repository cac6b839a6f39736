package com.superkabe.sendadapter.adapter.out.smtp;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.sendadapter.adapter.out.mime.MimeComposer;
import com.superkabe.mailguard.GuardedSockets;
import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.OutgoingEmail;
import com.superkabe.sendadapter.config.SmtpProperties;
import com.superkabe.mailguard.ControlCharacters;
import com.superkabe.sendadapter.domain.Delivery;
import com.superkabe.mailguard.HostSyntax;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One mailbox's batch over one SMTP connection: connect and log in on the first message, one
 * MAIL/RCPT/DATA transaction per message, RSET before each further one. The RSET also proves the
 * connection is alive before anything is sent: if the server dropped it between messages, the
 * connection is made again, once per batch. Endings, by where they happen:
 * <ul>
 *   <li>login refused (535/534/530): SENDER, the mailbox's credentials are refused, for the whole batch;</li>
 *   <li>no connection, or lost before the message's bytes were written: TRANSIENT (nothing was sent);</li>
 *   <li>a reply code: see {@link Delivery#refused} (4xx TRANSIENT, 5xx by enhanced status);</li>
 *   <li>lost after the bytes started (after DATA): AMBIGUOUS, to be reconciled, never resent.</li>
 * </ul>
 */
final class SmtpConnection implements MailTransport.Connection {

    private static final int MAX_CONNECTIONS = 2;

    private final Mailbox.Endpoint smtp;
    private final SecretBox secrets;
    private final Clock clock;
    private final String protocol;
    private final Session session;
    private Transport transport;
    private Delivery batchFailure;
    private boolean used;
    private int connections;

    SmtpConnection(Mailbox.Endpoint smtp, SecretBox secrets, SmtpProperties props, Clock clock,
                   ScheduledExecutorService writeTimeouts, GuardedSockets sockets) {
        this.smtp = smtp;
        this.secrets = secrets;
        this.clock = clock;
        this.protocol = smtp != null && "TLS".equalsIgnoreCase(smtp.security()) ? "smtps" : "smtp";
        this.session = smtp == null ? null : Session.getInstance(sessionProperties(protocol, smtp, props,
                writeTimeouts, sockets));
    }

    @Override
    public Delivery deliver(OutgoingEmail email) {
        if (smtp == null) {
            return Delivery.unusableMailbox("the mailbox has no SMTP settings");
        }
        MimeComposer.Composed message;
        try {
            message = MimeComposer.compose(session, email, clock.instant());
        } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
            return Delivery.unsendable("message could not be composed: " + e.getMessage());
        }
        Delivery notReady = ready();
        if (notReady != null) {
            return notReady;
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            used = true;
            return Delivery.sent();
        } catch (MessagingException e) {
            used = true;
            Delivery d = SmtpFailures.classify(e, message.written());
            if (d.smtpCode() == 0 || d.smtpCode() == 421) {
                closeQuietly();
            }
            return d;
        } catch (RuntimeException e) {
            // not Angus's contract, but possible (a bug, a broken stream): the connection's state is unknown
            used = true;
            closeQuietly();
            return message.written()
                    ? Delivery.ambiguous("the SMTP client failed after the message was sent: " + e)
                    : Delivery.transientFailure(0, "the SMTP client failed before the message was sent: " + e, null);
        }
    }

    /** Null when a live, logged-in connection is ready for the next message; else why not. */
    private Delivery ready() {
        if (batchFailure != null) {
            return batchFailure;
        }
        if (transport != null && used) {
            try {
                ((SMTPTransport) transport).issueCommand("RSET", 250);
            } catch (MessagingException | RuntimeException e) {
                // dropped between messages: nothing of the next message was sent, so connecting again is safe
                closeQuietly();
            }
        }
        if (transport != null) {
            return null;
        }
        if (connections >= MAX_CONNECTIONS) {
            batchFailure = Delivery.transientFailure(0, "the server dropped the connection again; the rest of "
                    + "this batch was not sent", null);
            return batchFailure;
        }
        return connect();
    }

    private Delivery connect() {
        connections++;
        Optional<String> notAHost = HostSyntax.problem(smtp.host());
        if (notAHost.isPresent()) {
            // a row stored before the API checked hosts: refused without a lookup
            batchFailure = Delivery.unusableMailbox("the SMTP host is not allowed: '"
                    + ControlCharacters.escaped(smtp.host()) + "' " + notAHost.get());
            return batchFailure;
        }
        String password;
        try {
            password = smtp.secret() == null ? null : secrets.decrypt(smtp.secret());
        } catch (IllegalArgumentException e) {
            batchFailure = Delivery.unusableMailbox("the mailbox's SMTP password cannot be decrypted with this "
                    + "platform key: " + e.getMessage());
            return batchFailure;
        }
        try {
            Transport t = session.getTransport(protocol);
            t.connect(smtp.host(), smtp.port(), smtp.username(), password);
            transport = t;
            used = false;
            return null;
        } catch (AuthenticationFailedException e) {
            batchFailure = SmtpFailures.loginRefused(e);
        } catch (MessagingException | RuntimeException e) {
            Optional<GuardedSockets.HostRefused> refused = GuardedSockets.refusalIn(e);
            if (refused.isPresent()) {
                // not worth retrying: only the mailbox's settings (or the operator's allow-list) can change it
                batchFailure = Delivery.unusableMailbox("the SMTP host is not allowed: " + refused.get().getMessage());
                return batchFailure;
            }
            batchFailure = Delivery.transientFailure(e instanceof MessagingException m ? SmtpFailures.code(m) : 0,
                    "could not connect to " + smtp.host() + ":" + smtp.port() + ": " + SmtpFailures.text(e), null);
        }
        return batchFailure;
    }

    private static Properties sessionProperties(String protocol, Mailbox.Endpoint smtp, SmtpProperties props,
                                                ScheduledExecutorService writeTimeouts, GuardedSockets sockets) {
        Properties p = new Properties();
        sockets.install(p, protocol);
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        p.put(prefix + "connectiontimeout", Long.toString(props.connectTimeout().toMillis()));
        p.put(prefix + "timeout", Long.toString(props.readTimeout().toMillis()));
        p.put(prefix + "writetimeout", Long.toString(props.readTimeout().toMillis()));
        p.put(prefix + "executor.writetimeout", writeTimeouts);
        if ("STARTTLS".equalsIgnoreCase(smtp.security())) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        return p;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the outcomes are already decided; a failed QUIT changes nothing
        }
        transport = null;
    }
}
