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
 * The mailbox list's paging, against a protection that answers as its keyset-paged API does (an
 * HTTP peer on loopback): the page's links carry protection's cursors and keep the filters, and
 * following them asks protection for the page after or before with the same filters.
 */
class MailboxListPagingTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<String> asked = new CopyOnWriteArrayList<>();
    private static HttpServer protection;
    private static ConfigurableApplicationContext console;
    private static HttpClient browser;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        protection = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        protection.createContext("/", MailboxListPagingTest::answer);
        protection.start();
        String base = "http://127.0.0.1:" + protection.getAddress().getPort();
        console = ConsoleApplication.builder().run("--server.port=0",
                "--spring.autoconfigure.exclude=com.superkabe.kit.config.ServiceKitAutoConfiguration,"
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "--superkabe.console.protection=" + base, "--superkabe.console.page-size=2");
        url = "http://localhost:" + console.getEnvironment().getProperty("local.server.port") + "/console";
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = get("/login");
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();
        HttpResponse<Void> signedIn = browser.send(HttpRequest.newBuilder(URI.create(url + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1),
                        StandardCharsets.UTF_8) + "&apiKey=sk_paging")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void stop() {
        console.close();
        protection.stop(0);
    }

    /** Two pages of two paused mailboxes; the cursor "Y3Vy" sits between them. */
    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body;
        if (path.equals("/api/v1/protection/mode")) {
            body = "{\"mode\":\"ENFORCE\"}";
        } else if (path.equals("/api/v1/protection/mailbox-counts")) {
            body = "{\"mailboxes\":4,\"states\":{\"healthy\":0,\"paused\":4},\"providers\":{\"SMTP\":4}}";
        } else if (path.equals("/api/v1/protection/domains")) {
            exchange.getResponseHeaders().add("X-Total-Count", "1");
            body = "[{\"domain\":\"p.test\",\"state\":\"healthy\",\"mailboxes\":4,\"unhealthyMailboxes\":4}]";
        } else if (path.equals("/api/v1/protection/mailboxes")) {
            asked.add(query);
            boolean second = query.contains("after=Y3Vy");
            exchange.getResponseHeaders().add("X-Total-Count", "4");
            exchange.getResponseHeaders().add("Link", second
                    ? "</api/v1/protection/mailboxes?limit=2&state=paused&before=Y3Vy>; rel=\"prev\""
                    : "</api/v1/protection/mailboxes?limit=2&state=paused&after=Y3Vy>; rel=\"next\"");
            body = second ? "[" + row("c") + "," + row("d") + "]" : "[" + row("a") + "," + row("b") + "]";
        } else {
            body = "{}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String row(String name) {
        return "{\"mailboxId\":\"mb-" + name + "\",\"address\":\"" + name + "@p.test\",\"domain\":\"p.test\","
                + "\"state\":\"paused\",\"provider\":\"SMTP\",\"windowBounces\":5,\"lastReason\":\"reason " + name + "\"}";
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void theNextAndPreviousLinksCarryProtectionsCursorsAndKeepTheFilters() throws Exception {
        String first = get("/mailboxes?state=paused&provider=SMTP");

        assertThat(asked.getLast()).contains("limit=2").contains("state=paused").contains("provider=SMTP")
                .doesNotContain("after=");
        assertThat(first).contains("a@p.test").contains("reason b").doesNotContain("id=\"previous-page\"")
                .contains("4 mailboxes match; 2 shown on this page");
        Matcher next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String nextLink = next.group(1).replace("&amp;", "&");
        assertThat(nextLink).contains("after=Y3Vy").contains("state=paused").contains("provider=SMTP");

        String second = get(nextLink.substring(nextLink.indexOf("/mailboxes")));

        assertThat(asked.getLast()).contains("after=Y3Vy").contains("state=paused").contains("provider=SMTP");
        assertThat(second).contains("c@p.test").contains("d@p.test").doesNotContain("a@p.test")
                .doesNotContain("id=\"next-page\"");
        Matcher previous = Pattern.compile("id=\"previous-page\" href=\"([^\"]+)\"").matcher(second);
        assertThat(previous.find()).isTrue();
        assertThat(previous.group(1).replace("&amp;", "&")).contains("before=Y3Vy").contains("state=paused")
                .contains("provider=SMTP");
    }

    @Test
    void theCountsPerStateAreTheWholeOrganizationsWhateverTheFilter() throws Exception {
        String page = get("/mailboxes?state=paused");

        assertThat(page).containsPattern("data-state=\"paused\">\\s*<b>4</b>");
    }
}
