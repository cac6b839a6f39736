package com.superkabe.replypoller.adapter.out.imap;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.replypoller.application.MailReader;
import com.superkabe.replypoller.application.PolledMailbox;
import com.superkabe.replypoller.domain.InboxMessage;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads inbox headers over IMAP with Angus Mail: {@code imaps} for TLS, {@code imap} for NONE and
 * STARTTLS (then required), bounded connect/read timeouts, INBOX opened read-only and headers
 * fetched with PEEK, so nothing in the user's mailbox changes. The password is decrypted only here,
 * for the connection, and never logged.
 */
public class ImapMailReader implements MailReader {

    private static final Logger log = LoggerFactory.getLogger(ImapMailReader.class);

    private final SecretBox secrets;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public ImapMailReader(SecretBox secrets, Duration connectTimeout, Duration readTimeout) {
        this.secrets = secrets;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public List<InboxMessage> read(PolledMailbox mailbox, int maxMessages) throws MailboxUnreachable {
        PolledMailbox.Imap imap = mailbox.imap();
        String password = password(imap);
        String security = imap.security() == null ? "TLS" : imap.security().toUpperCase(Locale.ROOT);
        String protocol = "TLS".equals(security) ? "imaps" : "imap";
        Session session = Session.getInstance(properties(protocol, security));
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.host(), imap.port(), imap.username(), password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return newest(inbox, maxMessages, mailbox.mailboxId());
            } finally {
                inbox.close(false);
            }
        } catch (AuthenticationFailedException e) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.AUTHENTICATION,
                    "IMAP login refused by " + imap.host() + ":" + imap.port(), e);
        } catch (MessagingException e) {
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
        profile.add("Message-ID");
        profile.add("In-Reply-To");
        profile.add("References");
        inbox.fetch(messages, profile);
        List<InboxMessage> read = new ArrayList<>(messages.length);
        for (Message m : messages) {
            try {
                read.add(new InboxMessage(header(m, "Message-ID"), header(m, "In-Reply-To"), header(m, "References"),
                        from(m), m.getSubject()));
            } catch (MessagingException e) {
                log.debug("Mailbox {}: message {} unreadable, skipped: {}", mailboxId, m.getMessageNumber(),
                        e.getMessage());
            }
        }
        return read;
    }

    private static String header(Message m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String from(Message m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        return from[0] instanceof InternetAddress ia ? ia.getAddress() : from[0].toString();
    }
}
