package com.superkabe.replypoller.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.replypoller.ReplyPollerApplication;
import com.superkabe.replypoller.application.InboxPoller;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Polling isolation and log hygiene (ADR 0027), on a real broker and database, a real IMAP server
 * (GreenMail) and a black-hole peer: a loopback port that accepts connections and never says a word,
 * as an unroutable or hostile mailbox host does. {@code -Disolation.parallelism=1 -Disolation.per-organization=1}
 * runs the test as the single-threaded loop behaved, for the before figure.
 */
class PollingIsolationIT {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(4);
    private static final SecretBox SECRETS = new SecretBox(TestInfra.TEST_SECRET_KEY);
    private static final List<Socket> held = new CopyOnWriteArrayList<>();
    private static final AtomicInteger blackHoleConnections = new AtomicInteger();
    private static GreenMail mail;
    private static ServerSocket blackHole;
    private static ConfigurableApplicationContext poller;
    private static KafkaProbe kafka;

    @BeforeAll
    static void start() throws IOException {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser("quiet@calm.test", "pw");
        blackHole = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!blackHole.isClosed()) {
                try {
                    held.add(blackHole.accept());
                    blackHoleConnections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        poller = ReplyPollerApplication.builder().run(TestInfra.args(
                "--superkabe.poll.interval=" + POLL.toMillis() + "ms", "--superkabe.poll.connect-timeout=2s",
                "--superkabe.poll.read-timeout=" + READ_TIMEOUT.toSeconds() + "s",
                "--superkabe.poll.parallelism=" + Integer.getInteger("isolation.parallelism", 4),
                "--superkabe.poll.per-organization=" + Integer.getInteger("isolation.per-organization", 2)));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
    }

    @AfterAll
    static void stop() throws IOException {
        kafka.close();
        poller.close();
        blackHole.close();
        for (Socket s : held) {
            s.close();
        }
        mail.stop();
    }

    @Test
    void givenTwelveBlackHoleMailboxesInOneOrganization_whenAReplyReachesAnotherOrganizationsMailbox_thenItIsPublishedWithinAFewPollIntervals()
            throws Exception {
        for (int i = 0; i < 12; i++) {
            kafka.publish(origin(mailbox("org-noisy", "mb-hole-" + i, "hole" + i + "@noisy.test", "127.0.0.1",
                    blackHole.getLocalPort())));
        }
        kafka.publish(origin(mailbox("org-quiet", "mb-quiet", "quiet@calm.test", "127.0.0.1",
                mail.getImap().getPort())));
        kafka.publish(origin(new EmailSent("org-quiet", "send-q", "run-q", "c-q", "lead-q", "mb-quiet", 0,
                "ada@lead.test", "<send-q@calm.test>", 1)));
        awaitBlackHoleConnections(2, Duration.ofSeconds(30));

        Instant delivered = Instant.now();
        deliver("quiet@calm.test", "<reply-q@lead.test>", "<send-q@calm.test>");
        List<Envelope> replies = kafka.awaitEvents(Topic.REPLIES.topicName(), e -> e.type() == EventType.REPLY_RECEIVED
                && e.payloadAs(ReplyReceived.class).mailboxId().equals("mb-quiet"), 1, Duration.ofSeconds(90));
        Duration latency = Duration.between(delivered, Instant.now());

        System.out.println("POLL-LATENCY with 12 black-hole mailboxes: " + latency.toMillis() + " ms");
        assertThat(replies).hasSize(1);
        assertThat(latency).as("the quiet organization's reply waits for no black hole")
                .isLessThan(POLL.multipliedBy(6));
    }

    @Test
    void givenAHostWithCrLfFromTheTopic_whenItsPollFails_thenTheLogShowsOneLineWithTheBreaksEscaped() throws Exception {
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Logger logger = (Logger) LoggerFactory.getLogger(InboxPoller.class);
        logger.addAppender(captured);
        try {
            kafka.publish(origin(mailbox("org-quiet", "mb-crlf", "crlf@calm.test",
                    "imap.calm.test\r\n2026-12-06 12:00:00.000 ERROR forged line", 993)));

            String line = awaitLine(captured, "mb-crlf", Duration.ofSeconds(20));

            assertThat(line.lines()).hasSize(1);
            assertThat(line).contains("\\r\\n2026-12-06 12:00:00.000 ERROR forged line").contains("HOST_REFUSED");
        } finally {
            logger.detachAppender(captured);
        }
    }

    private static String awaitLine(ListAppender<ILoggingEvent> captured, String mailboxId, Duration timeout)
            throws InterruptedException {
        PatternLayout layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern("%d %-5level [%thread] %logger{36} - %msg%n");
        layout.start();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            for (ILoggingEvent e : List.copyOf(captured.list)) {
                if (e.getFormattedMessage().contains(mailboxId)) {
                    return layout.doLayout(e);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line about " + mailboxId);
    }

    private static void awaitBlackHoleConnections(int n, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (blackHoleConnections.get() < n && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(blackHoleConnections.get()).as("black-hole mailboxes being polled").isGreaterThanOrEqualTo(n);
    }

    private static MailboxRegistered mailbox(String org, String mailboxId, String address, String host, int port) {
        return new MailboxRegistered(org, mailboxId, address, address.substring(address.indexOf('@') + 1), "smtp",
                50, null, new MailboxRegistered.Endpoint(host, port, "NONE", address, SECRETS.encrypt("pw")));
    }

    private static void deliver(String to, String messageId, String inReplyTo) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom("ada@lead.test");
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject("Re: hello");
        m.setText("Thanks, let's talk.");
        m.setHeader("In-Reply-To", inReplyTo);
        Transport.send(m);
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
