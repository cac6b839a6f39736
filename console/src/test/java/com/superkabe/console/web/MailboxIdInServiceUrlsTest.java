package com.superkabe.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.console.ConsoleApplication;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A mailbox id in the console's own path ("a b", "x?y" once the browser's encoding is undone) goes
 * to protection encoded as one path segment: raw, "a b" broke the service URL (a 500 page) and "x?y"
 * asked protection for another resource (mailbox "x" with the query "y/transitions").
 */
class MailboxIdInServiceUrlsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<String> asked = new CopyOnWriteArrayList<>();
    private static HttpServer protection;
    private static ConfigurableApplicationContext console;
    private static HttpClient browser;
    private static String url;
    private static String csrf;

    @BeforeAll
    static void start() throws Exception {
        protection = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        protection.createContext("/", MailboxIdInServiceUrlsTest::answer);
        protection.start();
        String base = "http://127.0.0.1:" + protection.getAddress().getPort();
        console = ConsoleApplication.builder().run("--server.port=0",
                "--spring.autoconfigure.exclude=com.superkabe.kit.config.ServiceKitAutoConfiguration,"
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "--superkabe.console.protection=" + base, "--superkabe.console.send-adapter=" + base);
        url = "http://localhost:" + console.getEnvironment().getProperty("local.server.port") + "/console";
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher token = CSRF.matcher(browser.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(token.find()).isTrue();
        csrf = URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> signedIn = post("/login", "apiKey=sk_ids");
        assertThat(signedIn.statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void stop() {
        console.close();
        protection.stop(0);
    }

    /** Protection knows no mailbox: every mailbox path is a 404 problem, as the real one answers. */
    private static void answer(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        int status = 200;
        String body = "{}";
        if (raw.equals("/api/v1/protection/mode")) {
            body = "{\"mode\":\"ENFORCE\"}";
        } else if (raw.startsWith("/api/v1/protection/mailboxes/") || raw.startsWith("/api/v1/mailboxes/")) {
            asked.add(exchange.getRequestMethod() + " " + raw);
            status = 404;
            body = "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"Mailbox does not exist in this organization\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static HttpResponse<Void> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&" + form)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void aMailboxIdWithASpaceIsAskedForEncodedAndItsPageIsA404NotA500() throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url + "/mailboxes/a%20b")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(404);
        assertThat(asked).contains("GET /api/v1/protection/mailboxes/a%20b");
    }

    @Test
    void aTransitionForAMailboxIdWithAQuestionMarkGoesToThatMailboxsTransitions() throws Exception {
        HttpResponse<Void> sent = post("/mailboxes/x%3Fy/transitions", "target=paused&reason=check");

        assertThat(sent.statusCode()).isLessThan(500);
        assertThat(asked).contains("POST /api/v1/protection/mailboxes/x%3Fy/transitions")
                .noneMatch(a -> a.startsWith("POST /api/v1/protection/mailboxes/x?"));
    }
}
