package com.superkabe.sendadapter.adapter.out.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.OutgoingEmail;
import com.superkabe.sendadapter.config.GmailProperties;
import com.superkabe.sendadapter.domain.Delivery;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Gmail transport against a local server that follows the documented messages.send contract. */
class GmailMailTransportTest {

    private static final String TO = "ada@example.com";
    private final SecretBox secrets = new SecretBox(TestInfra.TEST_SECRET_KEY);
    private final FakeGmail gmail = new FakeGmail("client-1.apps.googleusercontent.com", "GOCSPX-s3cret",
            "1//refresh");
    private final GmailMailTransport transport = new GmailMailTransport(secrets, new GmailProperties(gmail.baseUrl(),
            gmail.tokenUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), 3, 6000),
            Clock.systemUTC());

    @AfterEach
    void stop() {
        gmail.close();
    }

    @Test
    void givenAGrantedMailbox_whenDelivering_thenGmailReceivesTheRawMessageWithItsHeaders() throws Exception {
        Delivery d = transport.deliver(mailbox("1//refresh"), email());

        assertThat(d.kind()).isEqualTo("SENT");
        assertThat(gmail.receivedFor(TO)).singleElement().satisfies(m -> {
            assertThat(m.getMessageID()).isEqualTo("<send-1@acme.test>");
            assertThat(m.getSubject()).isEqualTo("Hello Ada");
            assertThat(m.getHeader("List-Unsubscribe", null)).isEqualTo("<https://t.example/u/abc>");
            assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) m.getContent();
            assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo("Hi Ada");
            assertThat(parts.getBodyPart(1).getContent().toString()).contains("<p>Hi Ada</p>");
        });
    }

    @Test
    void givenTwoSends_whenDelivering_thenTheAccessTokenIsRefreshedOnce() {
        transport.deliver(mailbox("1//refresh"), email());
        transport.deliver(mailbox("1//refresh"), email());

        assertThat(gmail.tokenRequests()).isEqualTo(1);
        assertThat(gmail.receivedFor(TO)).hasSize(2);
    }

    @Test
    void givenARevokedRefreshToken_whenDelivering_thenItIsAConfigurationFailureAndNothingIsPosted() {
        Delivery d = transport.deliver(mailbox("1//revoked"), email());

        assertThat(d.kind()).isEqualTo("CONFIGURATION");
        assertThat(d.failureClass()).isEqualTo(com.superkabe.events.send.SendFailureClass.SENDER);
        assertThat(d.credentialsRefused()).isTrue();
        assertThat(d.detail()).contains("invalid_grant");
        assertThat(gmail.sendRequests()).isZero();
    }

    @Test
    void givenARateLimitWithALongRetryAfterDate_whenDelivering_thenItIsTransientWithTheSecondsToWait() {
        String in2Minutes = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(120));
        gmail.script(TO, new FakeGmail.Reply(429, FakeGmail.error(429, "User-rate limit exceeded",
                "rateLimitExceeded", "RESOURCE_EXHAUSTED"), in2Minutes));

        Delivery d = transport.deliver(mailbox("1//refresh"), email());

        assertThat(d.failureClass()).isEqualTo(com.superkabe.events.send.SendFailureClass.TRANSIENT);
        assertThat(d.retryAfterSeconds()).isBetween(115L, 121L);
        assertThat(gmail.sendRequests()).isEqualTo(1);
    }

    @Test
    void givenARateLimitWithAShortRetryAfter_whenDelivering_thenItWaitsAndSendsOnce() {
        gmail.script(TO, new FakeGmail.Reply(429, FakeGmail.error(429, "User-rate limit exceeded",
                "rateLimitExceeded", "RESOURCE_EXHAUSTED"), "1"));

        assertThat(transport.deliver(mailbox("1//refresh"), email()).kind()).isEqualTo("SENT");
        assertThat(gmail.sendRequests()).isEqualTo(2);
        assertThat(gmail.receivedFor(TO)).hasSize(1);
    }

    @Test
    void givenAnInvalidToHeaderAnswer_whenDelivering_thenItIsAHardBounce() {
        gmail.script(TO, new FakeGmail.Reply(400, FakeGmail.error(400, "Invalid To header", "invalidArgument",
                "INVALID_ARGUMENT"), null));

        assertThat(transport.deliver(mailbox("1//refresh"), email()).kind()).isEqualTo("HARD_BOUNCE");
    }

    private Mailbox mailbox(String refreshToken) {
        return new Mailbox("mbx_1", "org-1", "sales@acme.test", "acme.test", "GMAIL", 50, null, null,
                new Mailbox.OAuth(null, gmail.clientId, secrets.encrypt(gmail.clientSecret),
                        secrets.encrypt(refreshToken)));
    }

    private static OutgoingEmail email() {
        return new OutgoingEmail("<send-1@acme.test>", "sales@acme.test", TO, "Ada Lovelace", "Hello Ada",
                "Hi Ada", "<p>Hi Ada</p>", "https://t.example/u/abc");
    }
}
