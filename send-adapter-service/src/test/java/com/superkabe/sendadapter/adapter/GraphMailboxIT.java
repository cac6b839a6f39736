package com.superkabe.sendadapter.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
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
import com.superkabe.sendadapter.adapter.out.graph.FakeGraph;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Delivery through Microsoft Graph (a local server following its documented contract) on a real broker. */
class GraphMailboxIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ADDRESS = "sales@contoso.test";
    private static final String ORG = "org-" + UUID.randomUUID();
    private static final String KEY = "sk_" + UUID.randomUUID();
    private static FakeGraph graph;
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static TestHttp http;
    private static String mailboxId;

    @BeforeAll
    static void start() {
        graph = new FakeGraph("contoso.onmicrosoft.com", "app-1", "s3cret");
        app = SendAdapterApplication.builder().run(TestInfra.args(
                "--superkabe.providers.graph.base-url=" + graph.baseUrl(),
                "--superkabe.providers.graph.token-url=" + graph.tokenUrl(),
                "--superkabe.providers.graph.max-retry-wait=2s"));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        http = TestHttp.of(app);
        kafka.publish(SmtpMailboxFixture.origin(new OrganizationRegistered(ORG, "Contoso", ApiKeys.sha256(KEY))));
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/mailboxes", TestHttp.json(Map.of(
                        "address", ADDRESS, "provider", "GRAPH", "dailyLimit", 50, "graph", Map.of(
                                "tenant", graph.tenant, "clientId", "app-1", "clientSecret", "s3cret"))),
                "X-Api-Key", KEY), x -> x.status() != 401, WAIT);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain("s3cret");
        mailboxId = r.json().get("mailboxId").asString();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
        graph.close();
    }

    @Test
    void publishesTheGraphMailboxWithoutItsClientSecret() {
        List<Envelope> registered = kafka.awaitEvents(Topic.MAILBOXES.topicName(), e -> e.subject().equals(mailboxId),
                1, WAIT);
        assertThat(registered).singleElement().satisfies(e -> {
            MailboxRegistered m = e.payloadAs(MailboxRegistered.class);
            assertThat(m.provider()).isEqualTo("GRAPH");
            assertThat(m.smtp()).isNull();
        });
    }

    @Test
    void deliversOnceThroughGraphWithTheUnsubscribeHeadersAndMessageIdEvenWhenRequestedTwice() throws Exception {
        SendRequested request = request("ada-" + UUID.randomUUID() + "@example.com");
        kafka.publish(SmtpMailboxFixture.origin(request));
        kafka.publish(SmtpMailboxFixture.origin(request));

        List<Envelope> outcomes = kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(),
                e -> e.subject().equals(request.sendId()), 2, Duration.ofSeconds(8));
        String messageId = "<" + request.sendId() + "@contoso.test>";
        assertThat(outcomes).singleElement().satisfies(e -> assertThat(e.payloadAs(EmailSent.class).messageId())
                .isEqualTo(messageId));
        assertThat(graph.receivedFor(request.toAddress())).singleElement().satisfies(r -> {
            MimeMessage m = r.message();
            assertThat(r.user()).isEqualTo(ADDRESS);
            assertThat(m.getAllRecipients()[0].toString()).contains(request.toAddress());
            assertThat(m.getSubject()).isEqualTo("Hello Ada");
            assertThat(m.getMessageID()).isEqualTo(messageId);
            assertThat(m.getHeader("List-Unsubscribe", null)).startsWith("<http").endsWith(">");
            assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(m.getContent().toString()).contains("Hi Ada");
        });
    }

    @Test
    void waitsOutThrottlingAndSendsOnce() {
        SendRequested request = request("busy-" + UUID.randomUUID() + "@example.com");
        graph.script(request.toAddress(), new FakeGraph.Reply(429, "{\"error\":{\"code\":\"ApplicationThrottled\","
                + "\"message\":\"Application is over its MailboxConcurrency limit.\"}}", "1", 0));
        kafka.publish(SmtpMailboxFixture.origin(request));

        assertThat(kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(), e -> e.subject().equals(request.sendId()), 1,
                WAIT)).singleElement().satisfies(e -> assertThat(e.payloadAs(EmailSent.class).sendId())
                .isEqualTo(request.sendId()));
        assertThat(graph.receivedFor(request.toAddress())).hasSize(1);
    }

    @Test
    void reportsARefusedTokenAsAConfigurationOutcomeAndSendsNothing() {
        SendRequested request = request("denied-" + UUID.randomUUID() + "@example.com");
        String unauthorized = "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Lifetime validation "
                + "failed, the token is expired.\"}}";
        graph.script(request.toAddress(), FakeGraph.Reply.of(401, unauthorized), FakeGraph.Reply.of(401, unauthorized));
        kafka.publish(SmtpMailboxFixture.origin(request));

        assertThat(kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(), e -> e.subject().equals(request.sendId()), 1,
                WAIT)).singleElement().satisfies(e -> {
                    EmailSendFailed f = e.payloadAs(EmailSendFailed.class);
                    assertThat(f.kind()).isEqualTo("CONFIGURATION");
                    assertThat(f.detail()).contains("InvalidAuthenticationToken");
                });
        assertThat(graph.receivedFor(request.toAddress())).isEmpty();
    }

    @Test
    void refusesAGraphMailboxWithoutItsCredentialsNamingTheField() {
        TestHttp.Response missing = http.post("/api/v1/mailboxes", TestHttp.json(Map.of("address", "a@contoso.test",
                "provider", "GRAPH", "dailyLimit", 5)), "X-Api-Key", KEY);
        TestHttp.Response blank = http.post("/api/v1/mailboxes", TestHttp.json(Map.of("address", "b@contoso.test",
                "provider", "GRAPH", "dailyLimit", 5, "graph", Map.of("tenant", "", "clientId", "app-1",
                        "clientSecret", "x"))), "X-Api-Key", KEY);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("graph");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("graph.tenant");
    }

    private static SendRequested request(String to) {
        String sendId = UUID.randomUUID().toString();
        return new SendRequested(ORG, "run-" + sendId, sendId, "c-1", "lead-1", mailboxId, 0, to, "Ada Lovelace",
                "Hello Ada", "Hi Ada,\nquick question.", 3, SmtpMailboxFixture.MAILING_ADDRESS, null, 0, null);
    }
}
