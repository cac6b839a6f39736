package com.superkabe.sendadapter.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.Topic;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sendadapter.SendAdapterApplication;
import com.superkabe.sendadapter.adapter.out.gmail.FakeGmail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Delivery through the Gmail API (a local server following its documented contract) on a real broker. */
class GmailMailboxIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ORG = "org-" + UUID.randomUUID();
    private static final String KEY = "sk_" + UUID.randomUUID();
    private static FakeGmail gmail;
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        gmail = new FakeGmail("client-1.apps.googleusercontent.com", "GOCSPX-s3cret", "1//refresh");
        app = SendAdapterApplication.builder().run(TestInfra.args(
                "--superkabe.providers.gmail.base-url=" + gmail.baseUrl(),
                "--superkabe.providers.gmail.token-url=" + gmail.tokenUrl()));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        http = TestHttp.of(app);
        kafka.publish(SmtpMailboxFixture.origin(new OrganizationRegistered(ORG, "Initech", ApiKeys.sha256(KEY))));
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
        gmail.close();
    }

    @Test
    void deliversOnceThroughGmailWithTheUnsubscribeHeadersAndMessageIdEvenWhenRequestedTwice() throws Exception {
        String mailboxId = register("sales@initech.test", "1//refresh");
        SendRequested request = request(mailboxId, "ada-" + UUID.randomUUID() + "@example.com");
        kafka.publish(SmtpMailboxFixture.origin(request));
        kafka.publish(SmtpMailboxFixture.origin(request));

        List<Envelope> outcomes = kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(),
                e -> e.subject().equals(request.sendId()), 2, Duration.ofSeconds(8));
        String messageId = "<" + request.sendId() + "@initech.test>";
        assertThat(outcomes).singleElement().satisfies(e -> assertThat(e.payloadAs(EmailSent.class).messageId())
                .isEqualTo(messageId));
        assertThat(gmail.receivedFor(request.toAddress())).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Hello Ada");
            assertThat(m.getMessageID()).isEqualTo(messageId);
            assertThat(m.getFrom()[0].toString()).isEqualTo("sales@initech.test");
            assertThat(m.getHeader("List-Unsubscribe", null)).startsWith("<http").endsWith(">");
            assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        });
    }

    @Test
    void reportsARevokedGrantAsAConfigurationOutcomeAndSendsNothing() {
        String mailboxId = register("ops@initech.test", "1//revoked");
        SendRequested request = request(mailboxId, "bob-" + UUID.randomUUID() + "@example.com");
        kafka.publish(SmtpMailboxFixture.origin(request));

        assertThat(kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(), e -> e.subject().equals(request.sendId()), 1,
                WAIT)).singleElement().satisfies(e -> {
                    EmailSendFailed f = e.payloadAs(EmailSendFailed.class);
                    assertThat(f.kind()).isEqualTo("CONFIGURATION");
                    assertThat(f.detail()).contains("invalid_grant");
                });
        assertThat(gmail.receivedFor(request.toAddress())).isEmpty();
    }

    @Test
    void refusesAGmailMailboxWithoutItsGrantNamingTheField() {
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/mailboxes", TestHttp.json(Map.of(
                "address", "x@initech.test", "provider", "GMAIL", "dailyLimit", 5)), "X-Api-Key", KEY),
                x -> x.status() != 401, WAIT);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("gmail");
    }

    private static String register(String address, String refreshToken) {
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/mailboxes", TestHttp.json(Map.of(
                        "address", address, "provider", "GMAIL", "dailyLimit", 50, "gmail", Map.of(
                                "clientId", gmail.clientId, "clientSecret", gmail.clientSecret,
                                "refreshToken", refreshToken))), "X-Api-Key", KEY),
                x -> x.status() != 401, WAIT);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain(gmail.clientSecret).doesNotContain(refreshToken);
        return r.json().get("mailboxId").asString();
    }

    private static SendRequested request(String mailbox, String to) {
        String sendId = UUID.randomUUID().toString();
        return new SendRequested(ORG, "run-" + sendId, sendId, "c-1", "lead-1", mailbox, 0, to, "Ada Lovelace",
                "Hello Ada", "Hi Ada,\nquick question.", 3, SmtpMailboxFixture.MAILING_ADDRESS, null, 0, null);
    }
}
