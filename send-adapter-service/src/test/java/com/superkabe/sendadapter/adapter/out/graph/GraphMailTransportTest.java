package com.superkabe.sendadapter.adapter.out.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.OutgoingEmail;
import com.superkabe.sendadapter.config.GraphProperties;
import com.superkabe.sendadapter.domain.Delivery;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Graph transport against a local server that follows the documented sendMail contract. */
class GraphMailTransportTest {

    private static final String TO = "ada@example.com";
    private final SecretBox secrets = new SecretBox(TestInfra.TEST_SECRET_KEY);
    private final FakeGraph graph = new FakeGraph("contoso.onmicrosoft.com", "app-1", "s3cret");

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void givenAValidMailbox_whenDelivering_thenGraphReceivesTheSameMimeSmtpWouldCarry() throws Exception {
        Delivery d = transport(Duration.ofSeconds(5)).deliver(mailbox("s3cret"), email());

        assertThat(d.kind()).isEqualTo("SENT");
        assertThat(graph.received()).singleElement().satisfies(r -> {
            MimeMessage m = r.message();
            assertThat(r.user()).isEqualTo("sales@acme.test");
            assertThat(m.getMessageID()).isEqualTo("<send-1@acme.test>");
            assertThat(m.getSubject()).isEqualTo("Hello Ada");
            assertThat(m.getHeader("List-Unsubscribe", null)).isEqualTo("<https://t.example/u/abc>");
            assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(m.getContentType()).startsWith("multipart/alternative");
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) m.getContent();
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat(parts.getBodyPart(1).getContent().toString()).contains("<p>Hi Ada</p>");
        });
    }

    @Test
    void givenTwoSends_whenDelivering_thenTheTokenIsFetchedOnceAndReused() {
        GraphMailTransport transport = transport(Duration.ofSeconds(5));
        transport.deliver(mailbox("s3cret"), email());
        transport.deliver(mailbox("s3cret"), email());

        assertThat(graph.tokenRequests()).isEqualTo(1);
        assertThat(graph.received()).hasSize(2);
    }

    @Test
    void givenThrottlingWithAShortRetryAfter_whenDelivering_thenItWaitsAndSendsOnce() {
        graph.script(TO, new FakeGraph.Reply(429, "{\"error\":{\"code\":\"ApplicationThrottled\",\"message\":"
                + "\"Too many requests\"}}", "1", 0));

        Delivery d = transport(Duration.ofSeconds(5)).deliver(mailbox("s3cret"), email());

        assertThat(d.kind()).isEqualTo("SENT");
        assertThat(graph.sendRequests()).isEqualTo(2);
        assertThat(graph.received()).hasSize(1);
    }

    @Test
    void givenAWrongClientSecret_whenDelivering_thenItIsAConfigurationFailureAndNothingIsPosted() {
        Delivery d = transport(Duration.ofSeconds(5)).deliver(mailbox("wrong"), email());

        assertThat(d.kind()).isEqualTo("CONFIGURATION");
        assertThat(d.detail()).contains("invalid_client");
        assertThat(graph.sendRequests()).isZero();
    }

    @Test
    void givenARevokedCachedToken_whenDelivering_thenOneFreshTokenIsFetchedAndTheEmailSent() {
        GraphMailTransport transport = transport(Duration.ofSeconds(5));
        transport.deliver(mailbox("s3cret"), email());
        graph.revokeTokens();

        assertThat(transport.deliver(mailbox("s3cret"), email()).kind()).isEqualTo("SENT");
        assertThat(graph.tokenRequests()).isEqualTo(2);
    }

    @Test
    void givenNoAnswerAfterTheRequestWasSent_whenDelivering_thenItIsAmbiguousAndNotRetried() {
        graph.script(TO, new FakeGraph.Reply(202, "", null, 3_000));

        Delivery d = transport(Duration.ofMillis(500)).deliver(mailbox("s3cret"), email());

        assertThat(d.kind()).isEqualTo("AMBIGUOUS");
        assertThat(graph.sendRequests()).isEqualTo(1);
    }

    @Test
    void givenTheDocumentedMimeExample_whenPostedToTheFake_thenItIsAcceptedAndBadBase64GetsTheDocumented400()
            throws Exception {
        transport(Duration.ofSeconds(5)).deliver(mailbox("s3cret"), email());
        String token = "Bearer " + issuedToken();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> ok = client.send(post(token, FakeGraph.resource("/msgraph/example4_mime.request.txt")),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bad = client.send(post(token, "not base64 !!"), HttpResponse.BodyHandlers.ofString());

        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(graph.received()).anySatisfy(r -> assertThat(r.message().getSubject()).isEqualTo("Test Message"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(GraphOutcomes.of(400, "ErrorMimeContentInvalidBase64String", null).kind())
                .isEqualTo("CONFIGURATION");
        assertThat(bad.body()).contains("ErrorMimeContentInvalidBase64String");
    }

    private String issuedToken() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        graph.tokenUrl().replace("{tenant}", graph.tenant)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=app-1"
                        + "&client_secret=s3cret&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private HttpRequest post(String auth, String body) {
        return HttpRequest.newBuilder(URI.create(graph.baseUrl() + "/v1.0/users/AdeleV%40contoso.com/sendMail"))
                .header("Authorization", auth).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private GraphMailTransport transport(Duration requestTimeout) {
        return new GraphMailTransport(secrets, new GraphProperties(graph.baseUrl(), graph.tokenUrl(),
                Duration.ofSeconds(2), requestTimeout, Duration.ofSeconds(2), 3, 6000), Clock.systemUTC());
    }

    private Mailbox mailbox(String clientSecret) {
        return new Mailbox("mbx_1", "org-1", "sales@acme.test", "acme.test", "GRAPH", 50, null, null,
                new Mailbox.OAuth(graph.tenant, "app-1", secrets.encrypt(clientSecret), null));
    }

    private static OutgoingEmail email() {
        return new OutgoingEmail("<send-1@acme.test>", "sales@acme.test", TO, "Ada Lovelace", "Hello Ada",
                "Hi Ada", "<p>Hi Ada</p>", "https://t.example/u/abc");
    }
}
