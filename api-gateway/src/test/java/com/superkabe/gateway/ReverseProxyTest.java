package com.superkabe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway in front of a real HTTP server that records what reached it and answers what it is
 * told: methods, raw paths and queries, headers, bodies and statuses pass through unchanged.
 */
class ReverseProxyTest {

    record Seen(String method, String uri, Map<String, List<String>> headers, byte[] body) {
    }

    private static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();
    private static HttpServer backend;
    private static ConfigurableApplicationContext gateway;
    private static String front;
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", ReverseProxyTest::answer);
        backend.start();
        List<String> args = new ArrayList<>(Gateways.isolatedArgs());
        args.add("--superkabe.gateway.routes.console=http://127.0.0.1:" + backend.getAddress().getPort());
        gateway = GatewayApplication.builder().run(args.toArray(String[]::new));
        front = "http://localhost:" + gateway.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backend.stop(0);
    }

    /** Records the request under its X-Probe header and answers as the path asks. */
    private static void answer(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        SEEN.put(ex.getRequestHeaders().getFirst("X-Probe"), new Seen(ex.getRequestMethod(),
                ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? ""
                        : "?" + ex.getRequestURI().getRawQuery()), Map.copyOf(ex.getRequestHeaders()), body));
        String path = ex.getRequestURI().getPath();
        if (path.endsWith("/redirect")) {
            ex.getResponseHeaders().add("Location", "https://example.org/landing?x=1");
            ex.sendResponseHeaders(302, -1);
        } else if (path.endsWith("/problem")) {
            byte[] problem = "{\"type\":\"https://superkabe.dev/docs/problems.md#conflict\",\"status\":409}".getBytes();
            ex.getResponseHeaders().add("Content-Type", "application/problem+json");
            ex.sendResponseHeaders(409, problem.length);
            ex.getResponseBody().write(problem);
        } else {
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            ex.getResponseHeaders().add("Set-Cookie", "a=1");
            ex.getResponseHeaders().add("Set-Cookie", "b=2");
            ex.getResponseHeaders().add("X-Echo-Length", String.valueOf(body.length));
            ex.sendResponseHeaders(201, body.length == 0 ? -1 : body.length);
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    @Test
    void aBinaryBodyTheApiKeyAndTheRawQueryReachTheServiceUnchangedAndItsAnswerComesBack() throws Exception {
        byte[] body = new byte[70_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }

        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(front + "/console/echo/a%20b?q=x%2By&q=2"))
                .header("X-Probe", "binary").header("X-Api-Key", "sk_test").header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        Seen seen = SEEN.get("binary");

        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.uri()).isEqualTo("/console/echo/a%20b?q=x%2By&q=2");
        assertThat(seen.headers().get("X-api-key")).containsExactly("sk_test");
        assertThat(seen.headers().get("Content-type")).containsExactly("text/csv");
        assertThat(seen.headers().get("X-forwarded-for")).containsExactly("127.0.0.1");
        assertThat(seen.body()).isEqualTo(body);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void aOneClickUnsubscribeFormArrivesByteForByte() throws Exception {
        CLIENT.send(HttpRequest.newBuilder(URI.create(front + "/console/t/u/tok"))
                .header("X-Probe", "one-click").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(new String(SEEN.get("one-click").body())).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(SEEN.get("one-click").headers().get("Content-type"))
                .containsExactly("application/x-www-form-urlencoded");
    }

    @Test
    void aRedirectIsPassedBackNotFollowed() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(front + "/console/redirect"))
                .header("X-Probe", "redirect").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("location")).contains("https://example.org/landing?x=1");
    }

    @Test
    void aServicesProblemComesBackWithItsStatusTypeAndMediaType() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(front + "/console/problem"))
                .header("X-Probe", "problem").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(r.body()).isEqualTo("{\"type\":\"https://superkabe.dev/docs/problems.md#conflict\",\"status\":409}");
    }

    @Test
    void aPathTomcatRefusesBeforeTheProxyIsAProblemNotAnHtmlPage() {
        com.superkabe.kit.testing.ApiProbe probe = com.superkabe.kit.testing.ApiProbe.of(gateway);
        for (String path : List.of("/api/v1/runs/%00", "/api/v1/runs/..%2F..%2Fadmin", "/api/v1/runs/%C3%28")) {
            com.superkabe.kit.testing.ApiProbe.Answer a = probe.send("GET", path, null, null);

            assertThat(a.status()).as(path).isEqualTo(400);
            assertThat(a.contentType()).as(path).startsWith("application/problem+json");
            assertThat(a.json().get("type").asString()).as(path)
                    .isEqualTo("https://superkabe.dev/docs/problems.md#invalid-request");
            assertThat(a.json().get("status").asInt()).isEqualTo(400);
        }
    }

    @Test
    void aPathOutsideTheRoutedFamiliesIsANoRouteProblemToo() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(front + "/api/v1/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("https://superkabe.dev/docs/problems.md#no-route");
    }

    @Test
    void theGatewayServesTheDocumentItRoutesBy() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(front + "/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/yaml"));
        assertThat(r.body()).startsWith("openapi: 3.1.0");
    }

    @Test
    void theGatewaysOwnHealthIsNotRouted() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(front + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("UP");
    }
}
