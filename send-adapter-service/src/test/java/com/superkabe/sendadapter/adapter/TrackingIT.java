package com.superkabe.sendadapter.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailClicked;
import com.superkabe.events.send.EmailUnsubscribed;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sendadapter.SendAdapterApplication;
import com.superkabe.sendadapter.domain.TrackingPurpose;
import com.superkabe.sendadapter.domain.TrackingToken;
import com.superkabe.sendadapter.domain.TrackingTokens;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tracking and RFC 8058 one-click unsubscribe end to end: a real SMTP delivery (GreenMail), the
 * headers and links as received, the public routes over real HTTP, the events on the real broker.
 */
class TrackingIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final String BASE = "https://track.acme.test";
    private static String ORG;
    private static String KEY;
    private static SmtpMailboxFixture fixture;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static GreenMail smtp;
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static TestHttp http;
    private static String port;
    private static String mailboxId;

    @BeforeAll
    static void start() {
        GreenMail server = SmtpMailboxFixture.smtpServer();
        fixture = new SmtpMailboxFixture(SendAdapterApplication.builder()
                .run(TestInfra.args("--superkabe.tracking.base-url=" + BASE)), server, WAIT);
        smtp = fixture.smtp;
        app = fixture.app;
        kafka = fixture.kafka;
        http = fixture.http;
        mailboxId = fixture.mailboxId;
        port = app.getEnvironment().getProperty("local.server.port");
        ORG = fixture.org;
        KEY = fixture.key;
    }


    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void unsubscribesOnceThroughTheOneClickHeaderAndIgnoresTheGetPageRepeatsAndForgeries() throws Exception {
        SendRequested request = request("Hi Ada,\nquick question.");
        MimeMessage mail = deliver(request);
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String header = mail.getHeader("List-Unsubscribe", null);
        assertThat(header).startsWith("<" + BASE + "/t/u/").endsWith(">");
        String path = header.substring(1 + BASE.length(), header.length() - 1);
        assertThat(mail.getContent().toString()).contains("Hi Ada").contains(BASE + path);

        HttpResponse<String> page = call("GET", path, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").contains("Unsubscribe");
        String forged = "/t/u/" + new TrackingTokens(List.of("not-the-platform-key-0123456789abcdef"
                .getBytes(StandardCharsets.UTF_8))).issue(new TrackingToken(TrackingPurpose.UNSUBSCRIBE,
                request.sendId(), Instant.now()));
        assertThat(call("POST", forged, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
        assertThat(call("GET", forged, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/t/u/garbled!!", "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
        assertThat(kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(), e -> e.type() == EventType.EMAIL_UNSUBSCRIBED
                && e.subject().equals(request.sendId()), 1, QUIET)).as("the GET page and forgeries change nothing")
                .isEmpty();

        HttpResponse<String> first = call("POST", path, "List-Unsubscribe=One-Click");
        HttpResponse<String> again = call("POST", path, "List-Unsubscribe=One-Click");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("You have been unsubscribed");
        List<Envelope> unsubscribed = kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(),
                e -> e.type() == EventType.EMAIL_UNSUBSCRIBED && e.subject().equals(request.sendId()), 2, QUIET);
        assertThat(unsubscribed).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(mailboxId);
            assertThat(e.payloadAs(EmailUnsubscribed.class)).isEqualTo(new EmailUnsubscribed(ORG,
                    request.sendId(), request.runId(), "c-1", "lead-1", mailboxId, 0, request.toAddress(),
                    "<" + request.sendId() + "@acme.test>", "ONE_CLICK"));
        });
    }

    @Test
    void tracksTheFirstOpenAndRedirectsOnlyToTheSignedDestination() throws Exception {
        SendRequested request = request("<p>Hi Ada, see <a href=\"https://acme.test/pricing?a=1&amp;b=2\">"
                + "pricing</a></p>");
        MimeMessage mail = deliver(request);
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String html = parts.getBodyPart(1).getContent().toString();
        String pixel = path(html, "<img src=\"" + Pattern.quote(BASE) + "([^\"]+)\"");
        String click = path(html, "<a href=\"" + Pattern.quote(BASE) + "(/t/c/[^\"]+)\"").replace("&amp;", "&");

        HttpResponse<String> gif = call("GET", pixel, null);
        call("GET", pixel, null);
        HttpResponse<String> redirect = call("GET", click, null);
        String tampered = click.substring(0, click.indexOf("?u=") + 3) + "https%3A%2F%2Fevil.test%2F";

        assertThat(gif.statusCode()).isEqualTo(200);
        assertThat(gif.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(call("GET", pixel.substring(0, pixel.length() - 2), null).statusCode()).isEqualTo(200);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://acme.test/pricing?a=1&b=2");
        assertThat(call("GET", tampered, null).statusCode()).isEqualTo(404);
        List<Envelope> engagement = kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(),
                e -> e.subject().equals(request.sendId()) && e.type() != EventType.EMAIL_SENT, 3, QUIET);
        assertThat(engagement).extracting(Envelope::type)
                .containsExactlyInAnyOrder(EventType.EMAIL_OPENED, EventType.EMAIL_CLICKED);
        assertThat(engagement).filteredOn(e -> e.type() == EventType.EMAIL_CLICKED).singleElement()
                .satisfies(e -> assertThat(e.payloadAs(EmailClicked.class).url())
                        .isEqualTo("https://acme.test/pricing?a=1&b=2"));
    }

    private static MimeMessage deliver(SendRequested request) throws Exception {
        kafka.publish(SmtpMailboxFixture.origin(request));
        assertThat(kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(), e -> e.type() == EventType.EMAIL_SENT
                && e.subject().equals(request.sendId()), 1, WAIT)).hasSize(1);
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(request.toAddress());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst().orElseThrow();
    }

    private static String path(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    /** A form POST the way a mailbox provider sends it (RFC 8058), or a GET; redirects are not followed. */
    private static HttpResponse<String> call(String method, String path, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        b.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SendRequested request(String body) {
        String sendId = UUID.randomUUID().toString();
        return new SendRequested(ORG, "run-" + sendId, sendId, "c-1", "lead-1", mailboxId, 0,
                "ada-" + sendId + "@example.com", "Ada Lovelace", "Hello Ada", body, 3, SmtpMailboxFixture.MAILING_ADDRESS, null, 0, null);
    }
}
