package com.superkabe.replypoller.adapter.out.imap;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.mailguard.GuardedSockets;
import com.superkabe.replypoller.application.MailReader;
import com.superkabe.replypoller.application.PolledMailbox;
import com.superkabe.replypoller.domain.AutomatedMail;
import com.superkabe.mailguard.ControlCharacters;
import com.superkabe.mailguard.HostSyntax;
import com.superkabe.replypoller.domain.InboxMessage;
import com.superkabe.replypoller.domain.MailContent;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads inbox headers over IMAP with Angus Mail: {@code imaps} for TLS, {@code imap} for NONE and
 * STARTTLS (then required), bounded connect/read timeouts, INBOX opened read-only and headers
 * fetched with PEEK (bodies only of machine-written-looking messages), so nothing in the user's
 * mailbox changes. The password is decrypted only here,
 * for the connection, and never logged.
 */
public class ImapMailReader implements MailReader {

    private static final Logger log = LoggerFactory.getLogger(ImapMailReader.class);

    private final SecretBox secrets;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private final GuardedSockets sockets;

    public ImapMailReader(SecretBox secrets, Duration connectTimeout, Duration readTimeout, GuardedSockets sockets) {
        this.sockets = sockets;
        this.secrets = secrets;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public Inbox read(PolledMailbox mailbox, String cursor, int maxMessages) throws MailboxUnreachable {
        PolledMailbox.Imap imap = mailbox.imap();
        if (imap == null) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.CREDENTIALS, "no IMAP endpoint and no "
                    + mailbox.providerName() + " inbox access registered", null);
        }
        Optional<String> notAHost = HostSyntax.problem(imap.host());
        if (notAHost.isPresent()) {
            // the topic is not trusted to carry only hosts the API checked: no lookup for such a value
            throw new MailboxUnreachable(MailboxUnreachable.Kind.HOST_REFUSED, "IMAP host '"
                    + ControlCharacters.escaped(imap.host()) + "' " + notAHost.get(), null);
        }
        String password = password(imap);
        String security = imap.security() == null ? "TLS" : imap.security().toUpperCase(Locale.ROOT);
        String protocol = "TLS".equals(security) ? "imaps" : "imap";
        Session session = Session.getInstance(properties(protocol, security));
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.host(), imap.port(), imap.username(), password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return new Inbox(newest(inbox, maxMessages, mailbox.mailboxId()), null);
            } finally {
                inbox.close(false);
            }
        } catch (AuthenticationFailedException e) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.AUTHENTICATION,
                    "IMAP login refused by " + imap.host() + ":" + imap.port(), e);
        } catch (MessagingException e) {
            Optional<GuardedSockets.HostRefused> refused = GuardedSockets.refusalIn(e);
            if (refused.isPresent()) {
                throw new MailboxUnreachable(MailboxUnreachable.Kind.HOST_REFUSED, "IMAP host not allowed: "
                        + refused.get().getMessage(), e);
            }
            boolean io = e.getCause() instanceof IOException || e.getNextException() instanceof IOException;
            throw new MailboxUnreachable(io ? MailboxUnreachable.Kind.CONNECTION : MailboxUnreachable.Kind.PROTOCOL,
                    "IMAP " + imap.host() + ":" + imap.port() + ": " + e.getMessage(), e);
        }
    }

    private String password(PolledMailbox.Imap imap) throws MailboxUnreachable {
        if (imap.passwordSecret() == null || imap.passwordSecret().isBlank()) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.CREDENTIALS, "no IMAP password registered", null);
        }
        try {
            return secrets.decrypt(imap.passwordSecret());
        } catch (IllegalArgumentException e) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.CREDENTIALS, e.getMessage(), e);
        }
    }

    private Properties properties(String protocol, String security) {
        Properties p = new Properties();
        sockets.install(p, protocol);
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
        p.put(prefix + "timeout", Long.toString(readTimeout.toMillis()));
        p.put(prefix + "writetimeout", Long.toString(readTimeout.toMillis()));
        if ("STARTTLS".equals(security)) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        if ("imaps".equals(protocol)) {
            p.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static List<InboxMessage> newest(Folder inbox, int max, String mailboxId) throws MessagingException {
        int count = inbox.getMessageCount();
        if (count <= 0) {
            return List.of();
        }
        Message[] messages = inbox.getMessages(Math.max(1, count - max + 1), count);
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(IMAPFolder.FetchProfileItem.HEADERS);
        inbox.fetch(messages, profile);
        List<InboxMessage> read = new ArrayList<>(messages.length);
        for (Message m : messages) {
            try {
                read.add(read(m));
            } catch (MessagingException | IOException e) {
                log.debug("Mailbox {}: message {} unreadable, skipped: {}", mailboxId, m.getMessageNumber(),
                        e.getMessage());
            }
        }
        return read;
    }

    /**
     * Headers of every message; the body only of those that look machine-written (a bounce or an
     * auto-reply must be read to be classified), so an inbox of ordinary mail costs headers only.
     */
    private static InboxMessage read(Message m) throws MessagingException, IOException {
        MailContent headers = MimeContent.headersOnly(m);
        String subject = m.getSubject();
        if (AutomatedMail.worthReadingBody(headers, subject) && m.getSize() <= MimeContent.MAX_BODY_BYTES) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(1024, m.getSize()));
            m.writeTo(raw);
            return MimeContent.parse(raw.toByteArray());
        }
        return new InboxMessage(MimeContent.header(m, "Message-ID"), MimeContent.header(m, "In-Reply-To"),
                MimeContent.header(m, "References"), from(m), subject, headers);
    }

    private static String from(Message m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        return from[0] instanceof InternetAddress ia ? ia.getAddress() : from[0].toString();
    }
}
