package com.superkabe.sendadapter.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sendadapter.SendAdapterApplication;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Delivery to a real SMTP server (GreenMail) driven by send requests on a real broker. */
class SendAdapterServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static String ORG;
    private static String KEY;
    private static SmtpMailboxFixture fixture;
    private static GreenMail smtp;
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static TestHttp http;
    private static String mailboxId;

    @BeforeAll
    static void start() {
        GreenMail server = SmtpMailboxFixture.smtpServer();
        fixture = new SmtpMailboxFixture(SendAdapterApplication.builder().run(TestInfra.args(
                "--superkabe.reconciliation.delay=200ms", "--superkabe.reconciliation.poll-interval=100ms")), server, WAIT);
        smtp = fixture.smtp;
        app = fixture.app;
        kafka = fixture.kafka;
        http = fixture.http;
        mailboxId = fixture.mailboxId;
        ORG = fixture.org;
        KEY = fixture.key;
    }


    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void publishesTheRegisteredMailboxWithItsPasswordSealed() {
        List<Envelope> registered = kafka.awaitEvents(Topic.MAILBOXES.topicName(), e -> e.subject().equals(mailboxId),
                1, WAIT);
        assertThat(registered).singleElement().satisfies(e -> {
            MailboxRegistered m = e.payloadAs(MailboxRegistered.class);
            assertThat(m.domain()).isEqualTo("acme.test");
            assertThat(m.smtp().passwordSecret()).startsWith("v1:").doesNotContain("pw");
        });
    }

    @Test
    void deliversASendRequestOnceWithTheEngineMessageIdEvenWhenRequestedTwice() throws Exception {
        SendRequested request = request(mailboxId, "ada-" + UUID.randomUUID() + "@example.com");
        kafka.publish(SmtpMailboxFixture.origin(request));
        kafka.publish(SmtpMailboxFixture.origin(request));

        List<Envelope> outcomes = kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(),
                e -> e.subject().equals(request.sendId()), 2, Duration.ofSeconds(8));
        assertThat(outcomes).singleElement().satisfies(e -> assertThat(e.payloadAs(EmailSent.class).messageId())
                .isEqualTo("<" + request.sendId() + "@acme.test>"));
        MimeMessage[] received = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(request.toAddress());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Hello Ada");
        assertThat(received[0].getMessageID()).isEqualTo("<" + request.sendId() + "@acme.test>");
        assertThat(received[0].getContent().toString()).contains("Hi Ada")
                .contains(SmtpMailboxFixture.MAILING_ADDRESS).contains("/t/u/");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("sales@acme.test");
    }

    @Test
    void reportsAnInterruptedEarlierAttemptAsAmbiguousAndDoesNotResend() {
        SendRequested request = request(mailboxId, "interrupted-" + UUID.randomUUID() + "@example.com");
        app.getBean(JdbcClient.class).sql("INSERT INTO send_attempt(send_id, mailbox_id, state, message_id) "
                + "VALUES (?, ?, 'ATTEMPTING', ?)").params(request.sendId(), mailboxId, "<x@acme.test>").update();
        kafka.publish(SmtpMailboxFixture.origin(request));

        List<Envelope> outcomes = kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(),
                e -> e.subject().equals(request.sendId()), 1, WAIT);
        assertThat(outcomes).singleElement().satisfies(e -> assertThat(e.payloadAs(EmailSendFailed.class).kind())
                .isEqualTo("AMBIGUOUS"));
        assertThat(smtp.getReceivedMessagesForDomain("example.com")).noneMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(request.toAddress());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        });
    }

    @Test
    void failsASendForAMailboxThatIsNotRegisteredWithAConfigurationOutcome() {
        SendRequested request = request("mbx_unknown", "x-" + UUID.randomUUID() + "@example.com");
        kafka.publish(SmtpMailboxFixture.origin(request));

        assertThat(kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(), e -> e.subject().equals(request.sendId()), 1,
                WAIT)).singleElement().satisfies(e -> assertThat(e.payloadAs(EmailSendFailed.class).kind())
                .isEqualTo("CONFIGURATION"));
    }

    @Test
    void refusesAMailboxWithAnUnknownSecurityModeNamingTheField() {
        String body = TestHttp.json(Map.of("address", "x@acme.test", "provider", "SMTP", "dailyLimit", 5,
                "smtp", Map.of("host", "h", "port", 25, "security", "SSLv2")));
        TestHttp.Response r = http.post("/api/v1/mailboxes", body, "X-Api-Key", KEY);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("smtp.security");
    }

    private static SendRequested request(String mailbox, String to) {
        String sendId = UUID.randomUUID().toString();
        return new SendRequested(ORG, "run-" + sendId, sendId, "c-1", "lead-1", mailbox, 0, to, "Ada Lovelace",
                "Hello Ada", "Hi Ada,\nquick question.", 3, SmtpMailboxFixture.MAILING_ADDRESS, null, 0, null);
    }
}
