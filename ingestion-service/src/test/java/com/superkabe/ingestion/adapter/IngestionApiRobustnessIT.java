package com.superkabe.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.ApiProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every write endpoint of ingestion, sent NUL-bearing, wrong-typed, overflowing and malformed
 * bodies on a real broker and database: never a 5xx, always a problem naming the field, nothing stored.
 */
class IngestionApiRobustnessIT {

    private static ConfigurableApplicationContext app;
    private static TestHttp http;
    private static ApiProbe probe;
    private static String apiKey;

    @BeforeAll
    static void start() {
        app = IngestionApplication.builder().run(TestInfra.args("--superkabe.admin-token=test-admin",
                "--superkabe.ingestion.mx.enabled=false"));
        http = TestHttp.of(app);
        probe = ApiProbe.of(app);
        TestHttp.Response r = http.post("/admin/v1/organizations", "{\"name\":\"Robust Co\"}", "X-Admin-Token",
                "test-admin");
        apiKey = r.json().get("apiKey").asString();
        TestHttp.until(() -> http.get("/api/v1/settings/lead-health", "X-Api-Key", apiKey), x -> x.status() == 200,
                Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aBadOrganizationBodyIsAProblemNamingTheFieldAndRegistersNothing() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        long before = stored();

        for (ApiProbe.Variant v : ApiProbe.variants(Map.of("name", "Acme"))) {
            ApiProbe.Answer a = probe.json("POST", "/admin/v1/organizations", v.body(), "X-Admin-Token", "test-admin");
            checks.problem(a, v.field(), v.name());
        }

        checks.assertNone();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aBadLeadIsAProblemNamingTheFieldAndStoresNothing() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("email", "ada@analytical-engines.co.uk");
        lead.put("firstName", "Ada");
        lead.put("lastName", "Lovelace");
        lead.put("company", "Analytical Engines");
        lead.put("title", "CTO");
        lead.put("leadScore", 50);
        long before = stored();

        for (ApiProbe.Variant v : ApiProbe.variants(lead)) {
            if (v.body().startsWith("[")) {
                continue; // an array is a batch, answered per item
            }
            ApiProbe.Answer a = probe.json("POST", "/api/v1/leads", v.body(), "X-Api-Key", apiKey);
            checks.problem(a, v.field(), v.name());
        }
        ApiProbe.Answer batch = probe.json("POST", "/api/v1/leads",
                "[{\"email\":\"grace@example.org\",\"firstName\":\"Gr\\u0000ace\"}]", "X-Api-Key", apiKey);
        checks.problem(batch, "[0].firstName", "a NUL in a batch item");

        checks.assertNone();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aBadLeadHealthPolicyIsAProblemNamingTheFieldAndKeepsThePolicy() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        String policy = http.get("/api/v1/settings/lead-health", "X-Api-Key", apiKey).body();
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("penalties", Map.of("mx_unknown", 25));
        valid.put("greenMin", 80);
        valid.put("yellowMin", 50);
        valid.put("acceptRoleAccounts", false);
        valid.put("suspiciousTlds", List.of("zip"));
        List<ApiProbe.Variant> variants = new java.util.ArrayList<>(ApiProbe.variants(valid));
        variants.add(new ApiProbe.Variant("a penalty of 99999999999", "{\"penalties\":{\"mx_unknown\":99999999999}}",
                "penalties.mx_unknown"));
        variants.add(new ApiProbe.Variant("a fractional penalty", "{\"penalties\":{\"mx_unknown\":2.5}}",
                "penalties.mx_unknown"));
        variants.add(new ApiProbe.Variant("a NUL in a penalty name", "{\"penalties\":{\"mx\\u0000\":5}}",
                "penalties.mx\u0000"));
        variants.add(new ApiProbe.Variant("a NUL in a TLD", "{\"suspiciousTlds\":[\"z\\u0000ip\"]}", "suspiciousTlds[0]"));
        variants.add(new ApiProbe.Variant("penalties null", "{\"penalties\":null}", "penalties"));

        for (ApiProbe.Variant v : variants) {
            ApiProbe.Answer a = probe.json("PUT", "/api/v1/settings/lead-health", v.body(), "X-Api-Key", apiKey);
            checks.problem(a, v.field(), v.name());
        }

        checks.assertNone();
        assertThat(http.get("/api/v1/settings/lead-health", "X-Api-Key", apiKey).body()).isEqualTo(policy);
    }

    @Test
    void badValidationEnrolmentAndMailingAddressBodiesAreProblemsNamingTheField() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        long before = stored();
        for (ApiProbe.Variant v : ApiProbe.variants(Map.of("emails", List.of("ada@example.org")))) {
            checks.problem(probe.json("POST", "/api/v1/leads/validate", v.body(), "X-Api-Key", apiKey),
                    v.body().startsWith("[") ? null : v.field(), "validate: " + v.name());
        }
        checks.problem(probe.json("POST", "/api/v1/leads/validate", "{\"emails\":[\"a\\u0000@example.org\"]}",
                "X-Api-Key", apiKey), "emails[0]", "validate: a NUL in an address");
        for (ApiProbe.Variant v : ApiProbe.variants(Map.of("leadIds", List.of("lead_1")))) {
            checks.problem(probe.json("POST", "/api/v1/campaigns/cmp_1/enrolments", v.body(), "X-Api-Key",
                    apiKey), v.field(), "enrolments: " + v.name());
        }
        checks.problem(probe.json("POST", "/api/v1/campaigns/cmp_1/enrolments", "{\"leadIds\":[\"l\\u0000\"]}",
                "X-Api-Key", apiKey), "leadIds[0]", "enrolments: a NUL in a lead id");
        for (ApiProbe.Variant v : ApiProbe.variants(Map.of("mailingAddress", "Acme Inc., 1 Main St, Springfield"))) {
            checks.problem(probe.json("PUT", "/api/v1/organization/mailing-address", v.body(), "X-Api-Key",
                    apiKey), v.field(), "mailing address: " + v.name());
        }

        checks.assertNone();
        assertThat(stored()).isEqualTo(before);
        assertThat(http.get("/api/v1/organization/mailing-address", "X-Api-Key", apiKey).status()).isEqualTo(404);
    }

    @Test
    void aCsvCellWithANulRejectsItsRowNamingTheColumnAndStoresNothing() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        long before = stored();

        ApiProbe.Answer a = probe.send("POST", "/api/v1/leads/csv", "text/csv",
                "email,firstName\nada@acme.com,Ad\u0000a\n".getBytes(StandardCharsets.UTF_8), "X-Api-Key", apiKey);

        ApiProbe.Answer enrol = probe.send("POST", "/api/v1/campaigns/cmp_1/enrolments", "text/csv",
                "email\nad\u0000a@acme.com\n".getBytes(StandardCharsets.UTF_8), "X-Api-Key", apiKey);

        checks.problem(enrol, "email", "a NUL in an enrolment CSV");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("rejected").asInt()).as(a.body()).isEqualTo(1);
        assertThat(a.json().get("rejectedRows").get(0).get("row").asLong()).isEqualTo(2);
        assertThat(a.json().get("rejectedRows").get(0).toString()).contains("firstName").contains("U+0000");
        checks.assertNone();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aSignedClayRowOrACsvMappingWithANulIsAProblemNamingTheFieldAndStoresNothing() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        String secret = http.post("/api/v1/integrations/clay/secret", "{}", "X-Api-Key", apiKey).json().get("secret")
                .asString();
        long before = stored();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Work Email", "clay@acme.com");
        row.put("First Name", "Cl");
        row.put("lead score", 72);

        for (ApiProbe.Variant v : ApiProbe.variants(row)) {
            if (v.name().startsWith("a number for") || v.name().startsWith("an object for")
                    || v.name().startsWith("an array for the object") || v.field().equals("lead score")) {
                continue; // Clay rows are loose: values are read as text and judged per row (an array is a batch)
            }
            String ts = Long.toString(java.time.Instant.now().getEpochSecond());
            String sig = "sha256=" + java.util.HexFormat.of().formatHex(com.superkabe.ingestion.application.ClayWebhook
                    .hmac(secret, ts, v.body().getBytes(StandardCharsets.UTF_8)));
            ApiProbe.Answer a = probe.json("POST", "/api/v1/ingest/clay", v.body(), "X-Api-Key", apiKey,
                    "X-Clay-Timestamp", ts, "X-Clay-Signature", sig);
            checks.problem(a, v.field(), "clay: " + v.name());
        }
        checks.problem(probe.send("POST", "/api/v1/leads/csv?mapping=%7B%22email%22%3A%22E%00%22%7D", "text/csv",
                "email\nada@acme.com\n".getBytes(StandardCharsets.UTF_8), "X-Api-Key", apiKey), "mapping",
                "a NUL in the CSV mapping");

        checks.assertNone();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anEmptyEnrolmentBodyIsA400ProblemWhateverItsContentType() {
        for (String type : new String[] {"application/json", "text/csv", "application/csv"}) {
            ApiProbe.Answer a = probe.send("POST", "/api/v1/campaigns/cmp_1/enrolments", type, new byte[0],
                    "X-Api-Key", apiKey);

            assertThat(a.status()).as(type).isEqualTo(400);
            ApiProbe.assertProblem(a, null, "an empty " + type + " enrolment body");
        }
    }

    @Test
    void aSignedClayRowTheIntakeRulesRejectIsA422ProblemNamingTheField() {
        String secret = http.post("/api/v1/integrations/clay/secret", "{}", "X-Api-Key", apiKey).json().get("secret")
                .asString();
        String body = "{\"Work Email\":\"no-at-sign\",\"First Name\":\"Cl\"}";
        String ts = Long.toString(java.time.Instant.now().getEpochSecond());
        String sig = "sha256=" + java.util.HexFormat.of().formatHex(com.superkabe.ingestion.application.ClayWebhook
                .hmac(secret, ts, body.getBytes(StandardCharsets.UTF_8)));

        ApiProbe.Answer a = probe.json("POST", "/api/v1/ingest/clay", body, "X-Api-Key", apiKey,
                "X-Clay-Timestamp", ts, "X-Clay-Signature", sig);

        assertThat(a.status()).isEqualTo(422);
        ApiProbe.assertProblem(a, "email", "a Clay row without an address");
        assertThat(a.json().get("type").asString())
                .isEqualTo("https://superkabe.dev/docs/problems.md#unprocessable-content");
    }

    @Test
    void aTruncatedMultipartUploadIsAProblemNotA500() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        long before = stored();
        String truncated = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nemail\nada@example.org\n";

        ApiProbe.Answer a = probe.send("POST", "/api/v1/leads/csv", "multipart/form-data; boundary=XyZ",
                truncated.getBytes(StandardCharsets.UTF_8), "X-Api-Key", apiKey);
        ApiProbe.Answer enrol = probe.send("POST", "/api/v1/campaigns/cmp_1/enrolments",
                "multipart/form-data; boundary=XyZ", truncated.getBytes(StandardCharsets.UTF_8), "X-Api-Key", apiKey);

        checks.problem(a, null, "a truncated multipart CSV");
        checks.problem(enrol, null, "a truncated multipart enrolment CSV");
        checks.assertNone();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void malformedRequestsAnswerProblemDetailsNotTomcatsHtmlPage() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        List<String> requests = List.of(
                "GET /api/v1/leads/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/leads/a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/le<ads> HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/leads HTTP/1.1 extra\r\nHost: x\r\nConnection: close\r\n\r\n",
                "BR{}KEN /api/v1/leads HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        for (String request : requests) {
            ApiProbe.Answer a = probe.raw(request.getBytes(StandardCharsets.ISO_8859_1));
            checks.problem(a, null, request.lines().findFirst().orElseThrow());
        }
        checks.problem(probe.send("POST", "/api/v1/leads", "application/xml", "<lead/>".getBytes(
                StandardCharsets.UTF_8), "X-Api-Key", apiKey), null, "an unsupported media type");
        checks.problem(probe.send("GET", "/api/v1/no-such-thing", null, null, "X-Api-Key", apiKey,
                "Accept", "text/html"), null, "an unknown path asked for as HTML");
        checks.assertNone();
    }

    /**
     * A lead text of a megabyte, by every channel: the intake rules refused it, but the refusal's
     * LeadRejected (the address as given, in the payload and the subject header) was over 2 MB, past
     * what the broker takes, and the outbox relay retried it forever — no later ingestion event of any
     * organization was published. Refused where it arrives now, naming the field, before any event.
     */
    @Test
    void aLeadTextTooLargeForAnEventIsRefusedNamingTheFieldAndNoOversizedEventIsWritten() {
        String huge = "x".repeat(1_100_000) + "@acme.com";
        String secret = http.post("/api/v1/integrations/clay/secret", "{}", "X-Api-Key", apiKey).json().get("secret")
                .asString();
        String clay = TestHttp.json(Map.of("Work Email", huge));
        String ts = Long.toString(java.time.Instant.now().getEpochSecond());
        String sig = "sha256=" + java.util.HexFormat.of().formatHex(com.superkabe.ingestion.application.ClayWebhook
                .hmac(secret, ts, clay.getBytes(StandardCharsets.UTF_8)));

        ApiProbe.Answer single = probe.json("POST", "/api/v1/leads", TestHttp.json(Map.of("email", huge)),
                "X-Api-Key", apiKey);
        ApiProbe.Answer batch = probe.json("POST", "/api/v1/leads", TestHttp.json(List.of(Map.of("email", "ok@acme.com",
                "firstName", huge))), "X-Api-Key", apiKey);
        ApiProbe.Answer fromClay = probe.json("POST", "/api/v1/ingest/clay", clay, "X-Api-Key", apiKey,
                "X-Clay-Timestamp", ts, "X-Clay-Signature", sig);
        ApiProbe.Answer csv = probe.send("POST", "/api/v1/leads/csv", "text/csv", ("email,firstName\n" + huge
                + ",Ada\n").getBytes(StandardCharsets.UTF_8), "X-Api-Key", apiKey);

        assertThat(app.getBean(JdbcClient.class).sql("SELECT count(*) FROM outbox WHERE octet_length(payload) "
                + "+ octet_length(headers) > 1048576").query(Long.class).single()).as("outbox rows larger than a broker record").isZero();
        ApiProbe.assertProblem(single, "email", "a megabyte address");
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().get("results").get(0).get("errors").get(0).get("field").asString())
                .isEqualTo("firstName");
        ApiProbe.assertProblem(fromClay, "Work Email", "a megabyte address from Clay");
        assertThat(csv.status()).as(csv.body().substring(0, Math.min(300, csv.body().length()))).isEqualTo(200);
        assertThat(csv.json().get("rejectedRows").get(0).toString()).contains("at most 10000");
    }

    /** The problem named the field "" (an empty name), which a client cannot tell from no field. */
    @Test
    void anEmptyJsonBodyIsAProblemNamingTheBody() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        for (String[] call : new String[][] {{"POST", "/api/v1/leads"}, {"POST", "/api/v1/leads/validate"},
                {"PUT", "/api/v1/settings/lead-health"}, {"PUT", "/api/v1/organization/mailing-address"}}) {
            ApiProbe.Answer a = probe.send(call[0], call[1], "application/json", new byte[0], "X-Api-Key", apiKey);
            checks.problem(a, "body", "an empty body to " + call[0] + " " + call[1]);
        }
        checks.assertNone();
    }

    /** Rows in every table a write endpoint of ingestion stores to. */
    private static long stored() {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        return jdbc.sql("SELECT (SELECT count(*) FROM organization) + (SELECT count(*) FROM lead)"
                + " + (SELECT count(*) FROM lead_health_policy) + (SELECT count(*) FROM enrolment)"
                + " + (SELECT count(*) FROM idempotent_request)").query(Long.class).single();
    }
}
