package com.superkabe.protection.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.protection.ProtectionApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Protection on a real broker and a real database, read through its API. */
class ProtectionServiceIT {

    private static final String ACME_KEY = "acme-key-" + UUID.randomUUID();
    private static final String GLOBEX_KEY = "globex-key-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext protection;
    private static KafkaProbe kafka;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        protection = ProtectionApplication.builder().run(TestInfra.args());
        baseUrl = "http://localhost:" + protection.getEnvironment().getProperty("local.server.port");
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        kafka.publish(origin(new OrganizationRegistered("org-1", "Acme", ApiKeys.sha256(ACME_KEY))));
        kafka.publish(origin(new OrganizationRegistered("org-2", "Globex", ApiKeys.sha256(GLOBEX_KEY))));
        awaitGet(ACME_KEY, "/api/v1/mailboxes/none", r -> r.statusCode() != 401);
        awaitGet(GLOBEX_KEY, "/api/v1/mailboxes/none", r -> r.statusCode() != 401);
    }

    @AfterAll
    static void stop() {
        kafka.close();
        protection.close();
    }

    @Test
    void countsEverySendAndHardBounceOnceEvenWhenAnOutcomeEventIsDeliveredTwice() {
        kafka.publish(origin(mailbox("org-1", "mb-1")));
        Envelope first = origin(sent("mb-1", "s-1"));
        kafka.publish(first);
        kafka.publish(first); // same ce_id: a redelivery
        kafka.publish(origin(sent("mb-1", "s-2")));
        kafka.publish(origin(sent("mb-1", "s-3")));
        kafka.publish(origin(failed("mb-1", "s-4", "TRANSIENT")));
        // published last on the mailbox's partition: once it is counted, everything before it was handled
        kafka.publish(origin(failed("mb-1", "s-5", "HARD_BOUNCE")));

        JsonNode view = body(awaitGet(ACME_KEY, "/api/v1/mailboxes/mb-1",
                r -> r.statusCode() == 200 && body(r).get("bounces").asLong() == 1 && body(r).get("registered")
                        .asBoolean()));

        assertThat(view.get("mailboxId").asString()).isEqualTo("mb-1");
        assertThat(view.get("address").asString()).isEqualTo("mb-1@acme.test");
        assertThat(view.get("domain").asString()).isEqualTo("acme.test");
        assertThat(view.get("sends").asLong()).isEqualTo(4);
        assertThat(view.get("bounces").asLong()).isEqualTo(1);
        assertThat(view.get("failures").asLong()).isEqualTo(1);
        assertThat(view.get("state").asString()).isEqualTo("healthy");
        assertThat(counter("superkabe_events_consumed", "outcome", "duplicate")).isPositive();
        assertThat(counter("superkabe_protection_outcomes", "kind", "hard_bounce")).isPositive();
    }

    @Test
    void countsOutcomesForAMailboxBeforeItIsRegisteredAndKeepsThemAfterwards() {
        kafka.publish(origin(sent("mb-early", "e-1")));
        kafka.publish(origin(failed("mb-early", "e-2", "HARD_BOUNCE")));

        JsonNode before = body(awaitGet(ACME_KEY, "/api/v1/mailboxes/mb-early",
                r -> r.statusCode() == 200 && body(r).get("bounces").asLong() == 1));
        assertThat(before.get("registered").asBoolean()).isFalse();
        assertThat(before.get("sends").asLong()).isEqualTo(2);

        kafka.publish(origin(mailbox("org-1", "mb-early")));

        JsonNode after = body(awaitGet(ACME_KEY, "/api/v1/mailboxes/mb-early",
                r -> r.statusCode() == 200 && body(r).get("registered").asBoolean()));
        assertThat(after.get("address").asString()).isEqualTo("mb-early@acme.test");
        assertThat(after.get("sends").asLong()).isEqualTo(2);
        assertThat(after.get("bounces").asLong()).isEqualTo(1);
    }

    @Test
    void answersNotFoundForAnotherOrganizationsMailboxAsForAnUnknownOne() {
        kafka.publish(origin(mailbox("org-1", "mb-acme")));
        awaitGet(ACME_KEY, "/api/v1/mailboxes/mb-acme", r -> r.statusCode() == 200);

        HttpResponse<String> foreign = get(GLOBEX_KEY, "/api/v1/mailboxes/mb-acme");
        HttpResponse<String> unknown = get(GLOBEX_KEY, "/api/v1/mailboxes/mb-nowhere");

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(foreign).get("detail").asString()).contains("mb-acme").doesNotContain("Acme");
        assertThat(foreign.body()).doesNotContain("mb-acme@acme.test");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAnUnknownApiKey() {
        HttpResponse<String> r = get("not-a-key", "/api/v1/mailboxes/mb-1");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(body(r).get("detail").asString()).contains("not known");
    }

    private static HttpResponse<String> awaitGet(String key, String path, Predicate<HttpResponse<String>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> last = get(key, path);
        while (!done.test(last) && System.nanoTime() < deadline) {
            sleep(100);
            last = get(key, path);
        }
        assertThat(done.test(last)).as("GET %s never satisfied the condition; last: %s %s", path, last.statusCode(),
                last.body()).isTrue();
        return last;
    }

    private static HttpResponse<String> get(String key, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-Api-Key", key).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static double counter(String name, String tag, String value) {
        Counter c = protection.getBean(MeterRegistry.class).find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MailboxRegistered mailbox(String orgId, String mailboxId) {
        return new MailboxRegistered(orgId, mailboxId, mailboxId + "@acme.test", "acme.test", "smtp", 50, null, null);
    }

    private static EmailSent sent(String mailboxId, String sendId) {
        return new EmailSent("org-1", sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                "ada@lead.test", "<" + sendId + "@acme.test>", 1);
    }

    private static EmailSendFailed failed(String mailboxId, String sendId, String kind) {
        return new EmailSendFailed("org-1", sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                "ada@lead.test", kind, "HARD_BOUNCE".equals(kind) ? 550 : 421, "test", 1);
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
