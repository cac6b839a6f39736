package com.superkabe.sendadapter.adapter.out.imap;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.mailguard.GuardedSockets;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.SentCopies;
import com.superkabe.sendadapter.config.SmtpProperties;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Looks for a Message-ID in an SMTP mailbox's Sent folder over IMAP ({@code SEARCH HEADER Message-ID}).
 * The folder is the one flagged {@code \Sent} (RFC 6154), else the first of the usual names. A mailbox
 * without IMAP settings offers no way to look.
 */
public class ImapSentCopies implements SentCopies {

    private static final List<String> USUAL_NAMES = List.of("Sent", "Sent Items", "Sent Messages", "[Gmail]/Sent Mail",
            "INBOX.Sent", "INBOX/Sent");

    private final SecretBox secrets;
    private final SmtpProperties props;

    private final GuardedSockets sockets;

    public ImapSentCopies(SecretBox secrets, SmtpProperties props, GuardedSockets sockets) {
        this.sockets = sockets;
        this.secrets = secrets;
        this.props = props;
    }

    @Override
    public Lookup find(Mailbox mailbox, String messageId) {
        Mailbox.Endpoint imap = mailbox.imap();
        if (imap == null) {
            return Lookup.UNAVAILABLE;
        }
        String protocol = "TLS".equalsIgnoreCase(imap.security()) ? "imaps" : "imap";
        Properties p = new Properties();
        sockets.install(p, protocol);
        p.put("mail." + protocol + ".connectiontimeout", Long.toString(props.connectTimeout().toMillis()));
        p.put("mail." + protocol + ".timeout", Long.toString(props.readTimeout().toMillis()));
        if ("STARTTLS".equalsIgnoreCase(imap.security())) {
            p.put("mail." + protocol + ".starttls.enable", "true");
            p.put("mail." + protocol + ".starttls.required", "true");
        }
        try {
            Store store = Session.getInstance(p).getStore(protocol);
            store.connect(imap.host(), imap.port(), imap.username(), secrets.decrypt(imap.secret()));
            try {
                Folder sent = sentFolder(store);
                if (sent == null) {
                    return Lookup.NOT_FOUND;
                }
                sent.open(Folder.READ_ONLY);
                try {
                    return sent.search(new HeaderTerm("Message-ID", messageId)).length > 0 ? Lookup.FOUND
                            : Lookup.NOT_FOUND;
                } finally {
                    sent.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException | IllegalArgumentException e) {
            return Lookup.FAILED;
        }
    }

    private static Folder sentFolder(Store store) throws MessagingException {
        for (Folder f : store.getDefaultFolder().list("*")) {
            if (f instanceof IMAPFolder imap && List.of(imap.getAttributes()).contains("\\Sent")) {
                return f;
            }
        }
        for (String name : USUAL_NAMES) {
            Folder f = store.getFolder(name);
            if (f.exists()) {
                return f;
            }
        }
        return null;
    }
}
