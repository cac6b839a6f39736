package com.superkabe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.kit.testing.TestHttp;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * One customer organization on a running {@link Platform}, driven only through the public REST APIs
 * with its API key: mailing address, mailboxes, campaigns, leads, and the views of runs and leads.
 */
final class Organization {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final Platform platform;
    private final String apiKey;

    private Organization(Platform platform, String apiKey) {
        this.platform = platform;
        this.apiKey = apiKey;
    }

    /** A new organization with its postal address set, as campaigns may not be activated without one (ADR 0020). */
    static Organization withMailingAddress(Platform platform, String name, String mailingAddress) {
        JsonNode org = platform.http(platform.ingestion).post("/admin/v1/organizations",
                TestHttp.json(Map.of("name", name)), "X-Admin-Token", Platform.ADMIN_TOKEN).json();
        Organization o = new Organization(platform, org.get("apiKey").asString());
        TestHttp.Response address = TestHttp.until(() -> platform.http(platform.ingestion).put(
                "/api/v1/organization/mailing-address", TestHttp.json(Map.of("mailingAddress", mailingAddress)),
                "X-Api-Key", o.apiKey), r -> r.status() != 401, WAIT);
        assertThat(address.status()).as(address.body()).isEqualTo(200);
        return o;
    }

    /** Registers an SMTP mailbox whose server is at 127.0.0.1:{@code port}; returns its id. */
    String smtpMailbox(String address, int port) {
        return created(platform.http(platform.sendAdapter), "/api/v1/mailboxes", Map.of("address", address,
                "provider", "SMTP", "dailyLimit", 50, "smtp", Map.of("host", "127.0.0.1", "port", port,
                        "security", "NONE", "username", address, "password", "pw"))).get("mailboxId").asString();
    }

    /** Creates a campaign; 409 is waited out, as the sequencer learns of the mailing address asynchronously. */
    String campaign(Map<String, Object> body) {
        return created(platform.http(platform.sequencer), "/api/v1/campaigns", body).get("campaignId").asString();
    }

    String lead(String email, String firstName, String campaignId) {
        return created(platform.http(platform.ingestion), "/api/v1/leads", Map.of("email", email,
                "firstName", firstName, "lastName", "Test", "company", "Analytical Engines",
                "campaignId", campaignId)).get("leadId").asString();
    }

    /** The lead's run in the campaign, once its status is {@code status} (or the last seen after the wait). */
    JsonNode awaitRun(String campaignId, String leadId, String status) {
        TestHttp.Response r = TestHttp.until(() -> get(platform.sequencer, "/api/v1/campaigns/" + campaignId + "/runs"),
                x -> x.status() == 200 && status.equals(statusOf(runOf(x.json(), leadId))), WAIT);
        JsonNode run = runOf(r.json(), leadId);
        assertThat(run).as(r.body()).isNotNull();
        assertThat(run.get("status").asString()).as(r.body()).isEqualTo(status);
        return run;
    }

    /** {@code GET /api/v1/runs/{runId}}: the run and its transitions, oldest first. */
    JsonNode run(String runId) {
        TestHttp.Response r = get(platform.sequencer, "/api/v1/runs/" + runId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The ingestion view of a lead once it satisfies {@code done} (or the last seen after the wait). */
    JsonNode awaitLead(String leadId, Predicate<JsonNode> done) {
        TestHttp.Response r = TestHttp.until(() -> get(platform.ingestion, "/api/v1/leads/" + leadId),
                x -> x.status() == 200 && done.test(x.json()), WAIT);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Protection's view of a mailbox once it satisfies {@code done} (or the last seen after the wait). */
    JsonNode awaitProtectionView(String mailboxId, Predicate<JsonNode> done) {
        TestHttp.Response r = TestHttp.until(() -> get(platform.protection, "/api/v1/protection/mailboxes/" + mailboxId),
                x -> x.status() == 200 && done.test(x.json()), WAIT);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private TestHttp.Response get(ConfigurableApplicationContext service, String path) {
        return platform.http(service).get(path, "X-Api-Key", apiKey);
    }

    /** POSTs as the organization, waiting out an API key not yet projected (401) or an unknown address (409). */
    private JsonNode created(TestHttp http, String path, Map<String, Object> body) {
        TestHttp.Response r = TestHttp.until(() -> http.post(path, TestHttp.json(body), "X-Api-Key", apiKey),
                x -> x.status() != 401 && x.status() != 409, WAIT);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(201);
        return r.json();
    }

    private static JsonNode runOf(JsonNode runs, String leadId) {
        for (JsonNode run : runs) {
            if (run.get("leadId").asString().equals(leadId)) {
                return run;
            }
        }
        return null;
    }

    private static String statusOf(JsonNode run) {
        return run == null ? null : run.get("status").asString();
    }
}
