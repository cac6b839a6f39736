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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        assertThat(received[0].getFrom()[0].toString()).isEqualTo(fixture.address);
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "169.254.169.254 | 25   | smtp.host | link-local",
            "0.0.0.0         | 25   | smtp.host | unspecified",
            "10.1.2.3        | 587  | smtp.host | private",
            "fd00::25        | 587  | smtp.host | unique local",
            "file:///etc/passwd | 25 | smtp.host | without scheme",
            "127.0.0.1:15432 | 25   | smtp.host | without a port",
            "user@127.0.0.1  | 25   | smtp.host | without scheme",
            "127.0.0.1       | 8084 | smtp.port | platform's own services"})
    void givenAnSmtpHostIntoThePlatformOrNotAHost_whenAMailboxIsRegistered_thenA400NamesTheFieldAndNothingIsStored(
            String host, int port, String field, String reason) {
        String address = "probe-" + UUID.randomUUID() + "@acme.test";

        TestHttp.Response r = http.post("/api/v1/mailboxes", smtpMailbox(address, host, port, "pw"), "X-Api-Key", KEY);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(r.body()).contains(reason);
        assertThat(http.post("/api/v1/mailboxes", smtpMailbox(address, "smtp.acme.test", 587, "pw"), "X-Api-Key",
                KEY).status()).as("nothing was stored under the address").isEqualTo(201);
    }

    @Test
    void givenTheBrokersPort_whenAMailboxNamesItOnAnAllowListedLoopbackHost_thenA400NamesThePort() {
        String broker = TestInfra.kafka().getBrokersAsString();
        int port = Integer.parseInt(broker.substring(broker.lastIndexOf(':') + 1).split(",")[0]);

        TestHttp.Response r = http.post("/api/v1/mailboxes", smtpMailbox("b-" + UUID.randomUUID() + "@acme.test",
                "127.0.0.1", port, "pw"), "X-Api-Key", KEY);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("smtp.port");
    }

    @Test
    void givenCrOrLfOrNulInAnyMailboxField_whenRegisteredOrUpdated_thenA400NamesTheFieldWithoutEchoingIt() {
        String address = "crlf-" + UUID.randomUUID() + "@acme.test";
        TestHttp.Response host = http.post("/api/v1/mailboxes", smtpMailbox(address,
                "smtp.acme.test\r\n2026-12-06 INFO forged line", 25, "pw"), "X-Api-Key", KEY);
        TestHttp.Response password = http.post("/api/v1/mailboxes", smtpMailbox(address, "smtp.acme.test", 25,
                "p\u0000w"), "X-Api-Key", KEY);
        TestHttp.Response update = http.put("/api/v1/mailboxes/" + mailboxId + "/credentials",
                "{\"smtp\":{\"host\":\"169.254.169.254\",\"port\":25,\"security\":\"NONE\","
                        + "\"username\":\"a\\nb\",\"password\":\"pw\"}}", "X-Api-Key", KEY);

        assertThat(host.status()).isEqualTo(400);
        assertThat(host.json().get("errors").get(0).get("field").asString()).isEqualTo("smtp.host");
        assertThat(host.body()).doesNotContain("forged");
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().get("errors").get(0).get("field").asString()).isEqualTo("smtp.password");
        assertThat(update.status()).isEqualTo(400);
        assertThat(update.json().get("errors").get(0).get("field").asString()).isEqualTo("smtp.username");
    }

    @Test
    void givenACredentialUpdatePointingAtTheMetadataAddress_whenSubmitted_thenA400NamesTheHost() {
        TestHttp.Response update = http.put("/api/v1/mailboxes/" + mailboxId + "/credentials",
                "{\"smtp\":{\"host\":\"169.254.169.254\",\"port\":80,\"security\":\"NONE\","
                        + "\"username\":\"u\",\"password\":\"pw\"},\"imap\":{\"host\":\"127.0.0.1\","
                        + "\"port\":3143,\"security\":\"NONE\",\"username\":\"u\",\"password\":\"pw\"}}",
                "X-Api-Key", KEY);

        assertThat(update.status()).isEqualTo(400);
        assertThat(update.json().get("errors").get(0).get("field").asString()).isEqualTo("smtp.host");
    }

    @Test
    void givenAFromAddressOfOneOrganization_whenAnotherRegistersItInAnyCaseOrIdnForm_thenA409AndTheFirstKeepsIt() {
        String otherKey = "sk_" + UUID.randomUUID();
        String otherOrg = "org-" + UUID.randomUUID();
        kafka.publish(SmtpMailboxFixture.origin(new com.superkabe.events.organization.OrganizationRegistered(
                otherOrg, "Rival", com.superkabe.kit.security.ApiKeys.sha256(otherKey))));
        String local = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        TestHttp.Response first = http.post("/api/v1/mailboxes", smtpMailbox(local + "@bücher.test",
                "smtp.acme.test", 587, "pw"), "X-Api-Key", KEY);

        TestHttp.Response sameCase = TestHttp.until(() -> http.post("/api/v1/mailboxes", smtpMailbox(
                local.toUpperCase(java.util.Locale.ROOT) + "@XN--BCHER-KVA.test", "smtp.rival.test", 587, "pw"),
                "X-Api-Key", otherKey), x -> x.status() != 401, WAIT);
        TestHttp.Response again = http.post("/api/v1/mailboxes", smtpMailbox(local + "@Bücher.test",
                "smtp.acme.test", 587, "pw"), "X-Api-Key", KEY);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(sameCase.status()).as(sameCase.body()).isEqualTo(409);
        assertThat(sameCase.json().get("errors").get(0).get("field").asString()).isEqualTo("address");
        assertThat(sameCase.body()).doesNotContain(ORG);
        assertThat(again.status()).isEqualTo(409);
    }

    private static String smtpMailbox(String address, String host, int port, String password) {
        return "{\"address\":\"" + address + "\",\"provider\":\"SMTP\",\"dailyLimit\":5,\"smtp\":{\"host\":\""
                + host + "\",\"port\":" + port + ",\"security\":\"NONE\",\"username\":\"u\",\"password\":\""
                + password + "\"}}";
    }

    private static SendRequested request(String mailbox, String to) {
        String sendId = UUID.randomUUID().toString();
        return new SendRequested(ORG, "run-" + sendId, sendId, "c-1", "lead-1", mailbox, 0, to, "Ada Lovelace",
                "Hello Ada", "Hi Ada,\nquick question.", 3, SmtpMailboxFixture.MAILING_ADDRESS, null, 0, null);
    }
}
