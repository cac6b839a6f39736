package com.superkabe.testsmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpPeerTest {

    private final SmtpPeer peer = SmtpPeer.start().user("sales@acme.test", "pw");

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void refusesARecipientAsScriptedThenAcceptsTheRetry() throws Exception {
        peer.script(Step.RCPT, "ada@example.com", Answer.reply("451 4.7.1 greylisted, try again"), Answer.accept());

        Transport t = connect("pw");
        assertThatThrownBy(() -> t.sendMessage(message("ada@example.com", "first"), to("ada@example.com")))
                .isInstanceOf(SendFailedException.class)
                .satisfies(e -> assertThat(((SendFailedException) e).getNextException())
                        .isInstanceOfSatisfying(SMTPAddressFailedException.class,
                                a -> assertThat(a.getReturnCode()).isEqualTo(451)));
        t.sendMessage(message("ada@example.com", "second"), to("ada@example.com"));
        t.close();

        assertThat(peer.messagesTo("ada@example.com")).singleElement()
                .satisfies(m -> assertThat(m.header("Subject")).contains("second"));
    }

    @Test
    void appliesARecipientsScriptOnlyToThatRecipient() throws Exception {
        peer.script(Step.RCPT, "gone@example.com", Answer.reply("550 5.1.1 user unknown"));

        Transport t = connect("pw");
        t.sendMessage(message("bob@example.com", "hi Bob"), to("bob@example.com"));
        assertThatThrownBy(() -> t.sendMessage(message("gone@example.com", "hi"), to("gone@example.com")))
                .isInstanceOf(SendFailedException.class);
        t.close();

        assertThat(peer.messages()).extracting(m -> m.recipients().getFirst()).containsExactly("bob@example.com");
    }

    @Test
    void recordsOneLoginAndResetsBetweenMessagesOnOneConnection() throws Exception {
        Transport t = connect("pw");
        t.sendMessage(message("a@example.com", "one"), to("a@example.com"));
        ((SMTPTransport) t).issueCommand("RSET", 250);
        t.sendMessage(message("b@example.com", "two"), to("b@example.com"));
        t.close();

        assertThat(peer.sessions()).singleElement().satisfies(s -> {
            assertThat(s.logins()).containsExactly("sales@acme.test");
            assertThat(s.verbs()).containsSubsequence("AUTH", "MAIL", "RCPT", "DATA", "RSET", "MAIL", "RCPT", "DATA");
            assertThat(s.messages()).hasSize(2);
        });
        assertThat(peer.messages().get(1).header("To")).contains("b@example.com");
    }

    @Test
    void refusesAWrongPasswordWith535() {
        assertThatThrownBy(() -> connect("wrong")).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("535");
        assertThat(peer.logins()).isZero();
    }

    @Test
    void refusesAScriptedLoginEvenWithTheRightPassword() {
        peer.script(Step.AUTH, Answer.reply("535 5.7.8 Username and Password not accepted"));

        assertThatThrownBy(() -> connect("pw")).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void closesTheConnectionAfterA421Greeting() throws Exception {
        peer.script(Step.GREETING, Answer.reply("421 4.3.2 Service not available"));

        try (Socket s = new Socket(peer.host(), peer.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("421");
            assertThat(in.readLine()).isNull();
        }
    }

    @Test
    void answers421AtMailAndClosesThenServesTheNextConnection() throws Exception {
        peer.script(Step.MAIL, Answer.reply("421 4.7.0 Too many connections"));

        Transport t = connect("pw");
        assertThatThrownBy(() -> t.sendMessage(message("a@example.com", "x"), to("a@example.com")))
                .isInstanceOf(MessagingException.class);
        Transport again = connect("pw");
        again.sendMessage(message("a@example.com", "y"), to("a@example.com"));
        again.close();

        assertThat(peer.messagesTo("a@example.com")).singleElement()
                .satisfies(m -> assertThat(m.header("subject")).contains("y"));
    }

    @Test
    void dropsTheConnectionAfterReadingTheMessageWithoutReplying() throws Exception {
        peer.script(Step.DATA, "ada@example.com", Answer.dropConnection());

        Transport t = connect("pw");
        MimeMessage m = message("ada@example.com", "lost");
        assertThatThrownBy(() -> t.sendMessage(m, to("ada@example.com"))).isInstanceOf(MessagingException.class);

        assertThat(peer.messages()).isEmpty();
        assertThat(peer.sessions().getFirst().messages()).singleElement().satisfies(r -> {
            assertThat(r.accepted()).isFalse();
            assertThat(r.header("subject")).contains("lost");
        });
    }

    @Test
    void acceptsAuthPlainWithAnInitialResponseAndUnfoldsHeaders() throws Exception {
        try (Socket s = new Socket(peer.host(), peer.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            in.readLine();
            String plain = java.util.Base64.getEncoder().encodeToString("\0sales@acme.test\0pw".getBytes());
            for (String line : new String[] {"EHLO me", "AUTH PLAIN " + plain, "MAIL FROM:<sales@acme.test>",
                    "RCPT TO:<x@example.com>", "DATA"}) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("Subject: a\r\n long one\r\n\r\n..dot\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (in.readLine() != null) {
                // drain until the peer closes after QUIT
            }
        }

        assertThat(peer.messagesTo("x@example.com")).singleElement().satisfies(m -> {
            assertThat(m.header("subject")).contains("a long one");
            assertThat(m.body()).isEqualTo(".dot\r\n");
        });
        assertThat(peer.sessions().getFirst().commands()).contains("AUTH PLAIN").noneMatch(c -> c.contains(
                "AHNhbGVz"));
    }

    private Transport connect(String password) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.timeout", "5000");
        Transport t = Session.getInstance(p).getTransport("smtp");
        t.connect(peer.host(), peer.port(), "sales@acme.test", password);
        return t;
    }

    private static MimeMessage message(String to, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("sales@acme.test"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject);
        m.setText("hello");
        return m;
    }

    private static InternetAddress[] to(String address) throws MessagingException {
        return new InternetAddress[] {new InternetAddress(address)};
    }
}
