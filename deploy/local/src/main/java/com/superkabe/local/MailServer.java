package com.superkabe.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;

/**
 * GreenMail in-process: the demo mailbox the services send from and poll (SMTP 3025, IMAP 3143),
 * and a catch-all that keeps every message sent to any other address, so the leads' inboxes can be
 * read back here.
 */
final class MailServer implements AutoCloseable {

    static final String HOST = "localhost";
    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;
    static final String DEMO_ADDRESS = "sales@demo.superkabe.test";
    static final String DEMO_PASSWORD = "demo-password";
    /** The protection demo's mailbox, on a domain of its own so its health story stays its own. */
    static final String PROTECTION_ADDRESS = "ops@protect.superkabe.test";

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start() {
        GreenMail gm = new GreenMail(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        gm.setUser(DEMO_ADDRESS, DEMO_ADDRESS, DEMO_PASSWORD);
        gm.setUser(PROTECTION_ADDRESS, PROTECTION_ADDRESS, DEMO_PASSWORD);
        // the sending demo's mailboxes send through the scriptable peer but are polled here, like any other
        for (String address : SendingDemoData.MAILBOXES) {
            gm.setUser(address, address, DEMO_PASSWORD);
        }
        gm.start();
        Console.info("GreenMail up: SMTP " + HOST + ":" + SMTP_PORT + ", IMAP " + HOST + ":" + IMAP_PORT
                + ", users " + DEMO_ADDRESS + ", " + PROTECTION_ADDRESS + " and the sending demo's "
                + SendingDemoData.MAILBOXES.size() + " (IMAP only) / " + DEMO_PASSWORD);
        return new MailServer(gm);
    }

    /** Every message delivered to this address so far, oldest first. */
    List<ReceivedEmail> inbox(String address) {
        return greenMail.findReceivedMessages(u -> address.equalsIgnoreCase(u.getEmail()), m -> true)
                .map(m -> ReceivedEmail.of(address, m))
                .toList();
    }

    /** Sends like any mail client would: over SMTP, through the port the services use too. */
    void send(String from, String to, String subject, String body, String inReplyTo) {
        Properties props = new Properties();
        props.put("mail.smtp.host", HOST);
        props.put("mail.smtp.port", Integer.toString(SMTP_PORT));
        Session session = Session.getInstance(props);
        try {
            MimeMessage msg = new MimeMessage(session);
            msg.setFrom(new InternetAddress(from));
            msg.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            msg.setSubject(subject, "UTF-8");
            msg.setText(body, "UTF-8");
            msg.setHeader("In-Reply-To", inReplyTo);
            msg.setHeader("References", inReplyTo);
            Transport.send(msg);
        } catch (MessagingException e) {
            throw new StackException("sending mail to " + to + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** The parts of a received message the demo shows and reasons about. */
    record ReceivedEmail(String to, String from, String subject, String messageId) {

        static ReceivedEmail of(String to, MimeMessage m) {
            try {
                String from = m.getFrom() == null || m.getFrom().length == 0 ? "?" : m.getFrom()[0].toString();
                return new ReceivedEmail(to, from, m.getSubject(), m.getMessageID());
            } catch (MessagingException e) {
                throw new StackException("unreadable message for " + to + ": " + e.getMessage(), e);
            }
        }
    }
}
