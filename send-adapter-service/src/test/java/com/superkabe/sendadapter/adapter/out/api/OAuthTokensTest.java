package com.superkabe.sendadapter.adapter.out.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.send.SendFailureClass;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a refusal from the OAuth token endpoint (a fake on loopback) means for the mailbox. */
class OAuthTokensTest {

    private HttpServer endpoint;
    private volatile int status;
    private volatile String body;
    private final OAuthTokens tokens = new OAuthTokens(HttpClient.newHttpClient(), Duration.ofSeconds(5),
            Clock.systemUTC());

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/token", x -> {
            x.getRequestBody().readAllBytes();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(status, b.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(b);
            }
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    @Test
    void givenTheTokenEndpointAnswersInvalidGrant_whenFetching_thenTheCredentialsAreRefused() {
        answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");

        OAuthTokens.Token t = fetch("/token");

        assertThat(t.failure().credentialsRefused()).isTrue();
        assertThat(t.failure().failureClass()).isEqualTo(SendFailureClass.SENDER);
    }

    @Test
    void givenTheTokenEndpointAnswersUnauthorizedClientWith401_whenFetching_thenTheCredentialsAreRefused() {
        answer(401, "{\"error\":\"unauthorized_client\"}");

        assertThat(fetch("/token").failure().credentialsRefused()).isTrue();
    }

    @Test
    void givenTheTokenEndpointAnswersAnother400_whenFetching_thenItIsTransientAndTheMailboxStaysConnected() {
        answer(400, "{\"error\":\"invalid_request\",\"error_description\":\"AADSTS90014: missing field\"}");

        OAuthTokens.Token t = fetch("/token");

        assertThat(t.failure().credentialsRefused()).isFalse();
        assertThat(t.failure().failureClass()).isEqualTo(SendFailureClass.TRANSIENT);
        assertThat(t.failure().detail()).contains("invalid_request");
    }

    @Test
    void givenATokenUrlThatIsNotFound_whenFetching_thenItIsAConfigurationFailureAndTheMailboxStaysConnected() {
        answer(404, "");

        OAuthTokens.Token t = fetch("/no-such-path");

        assertThat(t.failure().credentialsRefused()).isFalse();
        assertThat(t.failure().kind()).isEqualTo("CONFIGURATION");
        assertThat(t.failure().detail()).contains("404").contains("/no-such-path");
    }

    private void answer(int status, String body) {
        this.status = status;
        this.body = body;
    }

    private OAuthTokens.Token fetch(String path) {
        URI uri = URI.create("http://" + endpoint.getAddress().getHostString() + ":" + endpoint.getAddress().getPort()
                + path);
        return tokens.fetch("key", uri, Map.of("grant_type", "refresh_token", "refresh_token", "rt"));
    }
}
