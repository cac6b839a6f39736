package com.superkabe.replypoller.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.replypoller.ReplyPollerApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The reply poller on a real broker, a real database and a real SMTP/IMAP server (GreenMail). */
class ReplyPollerServiceIT {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final SecretBox SECRETS = new SecretBox(TestInfra.TEST_SECRET_KEY);
    private static GreenMail mail;
    private static ConfigurableApplicationContext poller;
    private static KafkaProbe kafka;

    @BeforeAll
    static void start() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser("sales@acme.test", "pw");
        mail.setUser("ops@acme.test", "pw");
        mail.setUser("support@acme.test", "pw");
        mail.setUser("bounces@acme.test", "pw");
        poller = startPoller();
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        poller.close();
        mail.stop();
    }

    @Test
    void publishesExactlyOneReplyReceivedPerReplyAcrossPollsAndRestartsAndIgnoresUnrelatedMail() throws Exception {
        kafka.publish(origin(mailbox("mb-sales", "sales@acme.test", "pw", mail.getImap().getPort())));
        kafka.publish(origin(sent("mb-sales", "send-1", "run-1", "<send-1@acme.test>")));
        deliver("sales@acme.test", "<unrelated-1@news.test>", null, null, "Weekly digest");
        deliver("sales@acme.test", "<reply-1@lead.test>", "<send-1@acme.test>", "<send-1@acme.test>", "Re: hello");

        List<Envelope> replies = awaitReplies("mb-sales", 1, Duration.ofSeconds(30));

        assertThat(replies).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("reply-poller-service");
            assertThat(e.payload()).isInstanceOfSatisfying(ReplyReceived.class, r -> {
                assertThat(r.replyId()).isEqualTo(EventIds.derive("mb-sales/reply-1@lead.test"));
                assertThat(r.sendId()).isEqualTo("send-1");
                assertThat(r.runId()).isEqualTo("run-1");
                assertThat(r.leadId()).isEqualTo("lead-send-1");
                assertThat(r.inReplyTo()).isEqualTo("<send-1@acme.test>");
                assertThat(r.fromAddress()).isEqualTo("ada@lead.test");
                assertThat(r.subjectLine()).isEqualTo("Re: hello");
            });
        });
        // the unrelated message was read in the same poll that found the reply, and left alone
        assertThat(counter("superkabe_replypoller_messages", "unmatched")).isPositive();

        Thread.sleep(POLL.multipliedBy(4).toMillis());
        poller.close();
        poller = startPoller();
        Thread.sleep(POLL.multipliedBy(4).toMillis());

        assertThat(awaitReplies("mb-sales", 2, Duration.ofSeconds(2))).hasSize(1);
        assertThat(counter("superkabe_replypoller_messages", "already_processed")).isPositive();
    }

    @Test
    void matchesAReplyThatArrivesBeforeItsEmailSentOnceTheSendIsKnown() throws Exception {
        kafka.publish(origin(mailbox("mb-ops", "ops@acme.test", "pw", mail.getImap().getPort())));
        deliver("ops@acme.test", "<reply-2@lead.test>", null, "<older@lead.test> <send-2@acme.test>",
                "Re: early bird");
        Thread.sleep(POLL.multipliedBy(4).toMillis());
        assertThat(awaitReplies("mb-ops", 1, Duration.ofMillis(500))).isEmpty();

        kafka.publish(origin(sent("mb-ops", "send-2", "run-2", "<send-2@acme.test>")));

        assertThat(awaitReplies("mb-ops", 1, Duration.ofSeconds(30))).singleElement()
                .satisfies(e -> assertThat(e.payloadAs(ReplyReceived.class).runId()).isEqualTo("run-2"));
    }

    @Test
    void keepsPollingTheOtherMailboxesWhenOneRefusesItsPasswordAndAnotherIsUnreachable() throws Exception {
        kafka.publish(origin(mailbox("mb-a-wrong-password", "sales@acme.test", "not-the-password",
                mail.getImap().getPort())));
        kafka.publish(origin(mailbox("mb-b-refused", "nobody@acme.test", "pw", closedPort())));
        kafka.publish(origin(mailbox("mb-support", "support@acme.test", "pw", mail.getImap().getPort())));
        kafka.publish(origin(sent("mb-support", "send-3", "run-3", "<send-3@acme.test>")));
        deliver("support@acme.test", "<reply-3@lead.test>", "<send-3@acme.test>", null, "Re: support");

        assertThat(awaitReplies("mb-support", 1, Duration.ofSeconds(30))).singleElement()
                .satisfies(e -> assertThat(e.payloadAs(ReplyReceived.class).sendId()).isEqualTo("send-3"));
        assertThat(counter("superkabe_replypoller_errors", "authentication")).isPositive();
        assertThat(counter("superkabe_replypoller_errors", "connection")).isPositive();
        assertThat(awaitReplies("mb-a-wrong-password", 1, Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void turnsARealDsnIntoOneHardEmailBouncedAndAnOutOfOfficeIntoNothingThatStopsTheSequence() throws Exception {
        kafka.publish(origin(mailbox("mb-bounces", "bounces@acme.test", "pw", mail.getImap().getPort())));
        kafka.publish(origin(new EmailSent("org-1", "send-b", "run-b", "c-1", "lead-b", "mb-bounces", 0,
                "gone@lead.test", "<send-b@acme.test>", 1)));
        kafka.publish(origin(new EmailSent("org-1", "send-o", "run-o", "c-1", "lead-o", "mb-bounces", 0,
                "away@lead.test", "<send-o@acme.test>", 1)));
        // Gmail's real DSN (Sisimai rfc3464-63), rewritten to report a message we sent
        String dsn = new String(getClass().getResourceAsStream("/corpus/bounces/eml/rfc3464-63.eml").readAllBytes(),
                StandardCharsets.ISO_8859_1)
                .replace("144493c0-8548-4b2b-987f-ae719df82545@Spark", "send-b@acme.test")
                .replace("libsisimai-2@googlegroups.com", "gone@lead.test");
        mail.getUserManager().getUserByEmail("bounces@acme.test").deliver(new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(dsn.getBytes(StandardCharsets.ISO_8859_1))));
        deliver("bounces@acme.test", "<oof-1@lead.test>", "<send-o@acme.test>", "<send-o@acme.test>",
                "Automatic reply: hello", "Auto-Submitted", "auto-replied");

        List<Envelope> bounces = kafka.awaitEvents(Topic.REPLIES.topicName(), e -> e.type() == EventType.EMAIL_BOUNCED
                && e.payloadAs(EmailBounced.class).mailboxId().equals("mb-bounces"), 1, Duration.ofSeconds(30));

        assertThat(bounces).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("mb-bounces");
            assertThat(e.payload()).isInstanceOfSatisfying(EmailBounced.class, b -> {
                assertThat(b.bounceId()).isEqualTo(EventIds.derive(
                        "bounce/mb-bounces/5e5e0c55.1c69fb81.a8edb.8c4e.GMR@mx.google.com/gone@lead.test"));
                assertThat(b.bounceClass()).isEqualTo("HARD");
                assertThat(b.category()).isEqualTo(com.superkabe.events.reply.BounceReason.USER_UNKNOWN);
                assertThat(b.status()).isEqualTo("5.1.1");
                assertThat(b.smtpCode()).isEqualTo(550);
                assertThat(b.reason()).isEqualTo("userunknown");
                assertThat(b.recipient()).isEqualTo("gone@lead.test");
                assertThat(b.sendId()).isEqualTo("send-b");
                assertThat(b.runId()).isEqualTo("run-b");
                assertThat(b.campaignId()).isEqualTo("c-1");
                assertThat(b.leadId()).isEqualTo("lead-b");
                assertThat(b.originalMessageId()).isEqualTo("<send-b@acme.test>");
                assertThat(b.dsnMessageId()).isEqualTo("<5e5e0c55.1c69fb81.a8edb.8c4e.GMR@mx.google.com>");
            });
        });
        Thread.sleep(POLL.multipliedBy(6).toMillis());
        assertThat(counter("superkabe_replypoller_auto_replies")).isEqualTo(1);
        assertThat(awaitReplies("mb-bounces", 1, Duration.ofMillis(500))).as("neither is a reply").isEmpty();
        assertThat(kafka.awaitEvents(Topic.REPLIES.topicName(), e -> e.type() == EventType.EMAIL_BOUNCED
                && e.payloadAs(EmailBounced.class).mailboxId().equals("mb-bounces"), 2, Duration.ofSeconds(1)))
                .as("re-polling publishes no duplicate").hasSize(1);
    }

    private static ConfigurableApplicationContext startPoller() {
        return ReplyPollerApplication.builder().run(TestInfra.args("--superkabe.poll.interval=" + POLL.toMillis() + "ms",
                "--superkabe.poll.connect-timeout=2s", "--superkabe.poll.read-timeout=5s"));
    }

    private static List<Envelope> awaitReplies(String mailboxId, int count, Duration timeout) {
        return kafka.awaitEvents(Topic.REPLIES.topicName(), e -> e.type() == EventType.REPLY_RECEIVED
                && e.payloadAs(ReplyReceived.class).mailboxId().equals(mailboxId), count, timeout);
    }

    private static double counter(String name) {
        Counter c = poller.getBean(MeterRegistry.class).find(name).counter();
        return c == null ? 0 : c.count();
    }

    private static double counter(String name, String outcome) {
        Counter c = poller.getBean(MeterRegistry.class).find(name).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private static MailboxRegistered mailbox(String mailboxId, String address, String password, int imapPort) {
        return new MailboxRegistered("org-1", mailboxId, address, "acme.test", "smtp", 50, null,
                new MailboxRegistered.Endpoint("127.0.0.1", imapPort, "NONE", address, SECRETS.encrypt(password)));
    }

    private static EmailSent sent(String mailboxId, String sendId, String runId, String messageId) {
        return new EmailSent("org-1", sendId, runId, "c-1", "lead-" + sendId, mailboxId, 0, "ada@lead.test",
                messageId, 1);
    }

    /** Delivers a message over GreenMail's SMTP server, keeping the Message-ID we chose. */
    private static void deliver(String to, String messageId, String inReplyTo, String references, String subject,
                                String... extraHeaders) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom("ada@lead.test");
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject);
        m.setText("Thanks, let's talk.");
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
        }
        if (references != null) {
            m.setHeader("References", references);
        }
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            m.setHeader(extraHeaders[i], extraHeaders[i + 1]);
        }
        Transport.send(m);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
