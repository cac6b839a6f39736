package com.superkabe.console.bench;

import com.superkabe.console.ConsoleApplication;
import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.protection.ProtectionApplication;
import com.superkabe.sendadapter.SendAdapterApplication;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long the console's pages take with 10,000 mailboxes on 1,000 domains and three providers in
 * one organization, measured through a signed-in HTTP session against protection, the send adapter
 * and ingestion on the real broker and PostgreSQL: the list's first page, a filtered list, a page
 * 100 pages in, and one mailbox's story. Prints figures and one summary line
 * ({@code CONSOLE BENCH mailboxes=… list_p50_ms=…}); asserts nothing about time. Not part of the
 * build (its name matches no surefire include). Run:
 * {@code ./mvnw -pl console test -Dtest=MailboxListBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (-Dbench.mailboxes=10000 -Dbench.loads=30 -Dbench.warmup=10 -Dbench.wait-minutes=25 to change the defaults).
 */
class MailboxListBenchmark {

    static final int MAILBOXES = Integer.getInteger("bench.mailboxes", 10_000);
    static final int DOMAINS = Math.max(1, MAILBOXES / 10);
    static final int LOADS = Integer.getInteger("bench.loads", 30);
    static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    static final List<String> PROVIDERS = List.of("SMTP", "GMAIL", "OUTLOOK");
    static final Duration WAIT = Duration.ofMinutes(Integer.getInteger("bench.wait-minutes", 25));
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void pageLoadTimesOfTheMailboxPagesWithTenThousandMailboxes() throws Exception {
        String exclude = "--spring.autoconfigure.exclude="
                + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";
        ConfigurableApplicationContext ingestion = IngestionApplication.builder().run(TestInfra.args(
                "--superkabe.admin-token=bench", exclude));
        ConfigurableApplicationContext protection = ProtectionApplication.builder().run(TestInfra.args(exclude));
        ConfigurableApplicationContext sendAdapter = SendAdapterApplication.builder().run(TestInfra.args(exclude));
        ConfigurableApplicationContext console = ConsoleApplication.builder().run("--server.port=0",
                "--spring.autoconfigure.exclude=com.superkabe.kit.config.ServiceKitAutoConfiguration,"
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "--superkabe.console.ingestion=" + base(ingestion), "--superkabe.console.protection=" + base(protection),
                "--superkabe.console.send-adapter=" + base(sendAdapter));
        try (KafkaProbe kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString())) {
            var org = TestHttp.of(ingestion).post("/admin/v1/organizations", "{\"name\":\"Bench\"}",
                    "X-Admin-Token", "bench").json();
            String orgId = org.get("orgId").asString();
            String key = org.get("apiKey").asString();
            long t0 = System.nanoTime();
            for (int m = 0; m < MAILBOXES; m++) {
                String domain = "d" + (m % DOMAINS) + ".bench";
                kafka.publishAsync(origin(new MailboxRegistered(orgId, "mbx-" + m, "m" + m + "@" + domain, domain,
                        PROVIDERS.get(m % PROVIDERS.size()), 50, null, null)));
            }
            kafka.flush();
            JdbcClient db = protection.getBean(JdbcClient.class);
            long registered = awaitRegistered(db, orgId);
            // on a loaded machine protection may not have them all in time: the figures say how many there were
            TestHttp protectionApi = TestHttp.of(protection);
            System.out.printf("BENCH console: %,d of %,d mailboxes on %,d domains registered at protection in %.1f s; "
                    + "its list counts %s%n", registered, MAILBOXES, DOMAINS, (System.nanoTime() - t0) / 1e9,
                    header(protectionApi.get("/api/v1/protection/mailboxes?limit=1", "X-Api-Key", key),
                            "X-Total-Count"));
            String later = cursorAfterPages(protectionApi, key, 100);

            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String consoleUrl = base(console) + "/console";
            signIn(http, consoleUrl, key);
            long[] list = measure(http, "GET /console/mailboxes (first page of 50)", consoleUrl + "/mailboxes");
            long[] filtered = measure(http, "GET /console/mailboxes?domain=d7.bench&provider=GMAIL",
                    consoleUrl + "/mailboxes?domain=d7.bench&provider=GMAIL");
            measure(http, "GET /console/mailboxes?after=… (page 101 of 200)", consoleUrl + "/mailboxes?after="
                    + URLEncoder.encode(later, StandardCharsets.UTF_8));
            long[] mailbox = measure(http, "GET /console/mailboxes/{id}", consoleUrl + "/mailboxes/mbx-4242");
            measure(http, "protection GET /api/v1/protection/mailboxes?limit=50 (the page's list read)",
                    base(protection) + "/api/v1/protection/mailboxes?limit=50", "X-Api-Key", key);
            measure(http, "protection GET /api/v1/protection/mailbox-counts", base(protection)
                    + "/api/v1/protection/mailbox-counts", "X-Api-Key", key);
            System.out.println("BENCH console: load average " + Files.readString(Path.of("/proc/loadavg")).strip()
                    + " on " + Runtime.getRuntime().availableProcessors() + " cores");
            System.out.printf("CONSOLE BENCH mailboxes=%d list_p50_ms=%d list_p95_ms=%d filtered_p50_ms=%d "
                    + "mailbox_p50_ms=%d mailbox_p95_ms=%d%n", registered, p50(list), p95(list), p50(filtered),
                    p50(mailbox), p95(mailbox));
        } finally {
            console.close();
            sendAdapter.close();
            protection.close();
            ingestion.close();
        }
    }

    /** Counts protection's registered rows every 2 s (the list counts unregistered rows too). */
    private static long awaitRegistered(JdbcClient db, String orgId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long registered = 0;
        while (registered < MAILBOXES && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            registered = db.sql("SELECT count(*) FROM mailbox_state WHERE registered AND org_id = ?").param(orgId)
                    .query(Long.class).single();
        }
        return registered;
    }

    /** Signs in as a browser would (the form's CSRF token, then the key); waits out a key not yet projected. */
    private static void signIn(HttpClient http, String consoleUrl, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status;
        do {
            String form = http.send(HttpRequest.newBuilder(URI.create(consoleUrl + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in form");
            }
            String body = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&apiKey="
                    + URLEncoder.encode(key, StandardCharsets.UTF_8);
            status = http.send(HttpRequest.newBuilder(URI.create(consoleUrl + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 302) {
                Thread.sleep(200);
            }
        } while (status != 302 && System.nanoTime() < deadline);
        if (status != 302) {
            throw new IllegalStateException("sign-in answered " + status);
        }
    }

    /** The cursor after {@code pages} pages of 50, walked through the list's Link headers. */
    private static String cursorAfterPages(TestHttp api, String key, int pages) {
        String path = "/api/v1/protection/mailboxes?limit=50";
        String cursor = null;
        for (int p = 0; p < pages; p++) {
            Matcher next = NEXT.matcher(String.valueOf(header(api.get(path, "X-Api-Key", key), "Link")));
            if (!next.find()) {
                break;
            }
            path = next.group(1);
            cursor = path.substring(path.indexOf("after=") + "after=".length());
        }
        if (cursor == null) {
            throw new IllegalStateException("the list has no second page");
        }
        return java.net.URLDecoder.decode(cursor, StandardCharsets.UTF_8);
    }

    private static String header(TestHttp.Response r, String name) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }

    private static long p50(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static long p95(long[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }

    private static long[] measure(HttpClient http, String what, String url, String... headers) throws Exception {
        long[] ms = new long[LOADS];
        int bytes = 0;
        for (int i = -WARMUP; i < LOADS; i++) { // warm-up loads are not counted
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
            for (int h = 0; h + 1 < headers.length; h += 2) {
                b.header(headers[h], headers[h + 1]);
            }
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            long took = (System.nanoTime() - start) / 1_000_000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
            }
            bytes = r.body().length();
            if (i >= 0) {
                ms[i] = took;
            }
        }
        Arrays.sort(ms);
        System.out.printf("BENCH console: %-60s p50 %4d ms  p95 %4d ms  max %4d ms  (%d loads, %,d bytes)%n", what,
                p50(ms), p95(ms), ms[LOADS - 1], LOADS, bytes);
        return ms;
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "bench", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
