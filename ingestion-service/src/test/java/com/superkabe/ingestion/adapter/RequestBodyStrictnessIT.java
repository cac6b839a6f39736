package com.superkabe.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.ingestion.application.ClayWebhook;
import com.superkabe.kit.testing.ApiProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #12's fuzz findings on ingestion's bodies, on a real broker and database: a field the
 * request does not have and an invisible bidi control are 400 problems naming the field; a
 * multi-line mailing address and Clay's extra columns are still accepted (ADR 0045).
 */
class RequestBodyStrictnessIT {

    private static ConfigurableApplicationContext app;
    private static TestHttp http;
    private static ApiProbe probe;
    private static String key;

    @BeforeAll
    static void start() {
        app = IngestionApplication.builder().run(TestInfra.args("--superkabe.admin-token=strict-admin",
                "--superkabe.ingestion.mx.enabled=false"));
        http = TestHttp.of(app);
        probe = ApiProbe.of(app);
        TestHttp.Response org = http.post("/admin/v1/organizations", "{\"name\":\"Strict Co\"}", "X-Admin-Token",
                "strict-admin");
        assertThat(org.status()).isEqualTo(201);
        key = org.json().get("apiKey").asString();
        TestHttp.until(() -> http.get("/api/v1/settings/lead-health", "X-Api-Key", key), r -> r.status() != 401,
                Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsAProblemNamingItOnEveryBodyShape() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        String[][] cases = {
            {"POST", "/api/v1/leads", "{\"email\":\"ann@strict.test\",\"frstName\":\"Ann\"}", "frstName"},
            {"POST", "/api/v1/leads", "{\"leads\":[{\"email\":\"bo@strict.test\"}],\"dryRun\":true}", "dryRun"},
            {"PUT", "/api/v1/settings/lead-health", "{\"greenMin\":80,\"greneMin\":70}", "greneMin"},
            {"PUT", "/api/v1/organization/mailing-address", "{\"mailingAddress\":\"1 Main Street, Springfield\","
                    + "\"country\":\"US\"}", "country"},
            {"POST", "/api/v1/leads/validate", "{\"emails\":[\"ann@strict.test\"],\"deep\":true}", "deep"},
            {"POST", "/api/v1/campaigns/c-strict/enrolments", "{\"leadIds\":[\"l-1\"],\"leadID\":[\"l-2\"]}", "leadID"},
            {"POST", "/admin/v1/organizations", "{\"name\":\"Other Co\",\"plan\":\"pro\"}", "plan"},
        };
        for (String[] c : cases) {
            checks.problem(probe.json(c[0], c[1], c[2], "X-Api-Key", key, "X-Admin-Token", "strict-admin"), c[3],
                    c[0] + " " + c[1] + " " + c[2]);
        }
        checks.assertNone();
        assertThat(http.get("/api/v1/organization/mailing-address", "X-Api-Key", key).status())
                .as("nothing stored").isEqualTo(404);
    }

    @Test
    void anInvisibleBidiControlInAnOrganizationNameOrMailingAddressIsAProblemNamingTheField() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        checks.problem(probe.json("POST", "/admin/v1/organizations", "{\"name\":\"Acme \u202Egnp.exe\"}",
                "X-Admin-Token", "strict-admin"), "name", "organization name with U+202E");
        checks.problem(probe.json("PUT", "/api/v1/organization/mailing-address", "{\"mailingAddress\":"
                + "\"1 Main Street\\r\\n\u2066Springfield\u2069, IL 62701\"}", "X-Api-Key", key), "mailingAddress",
                "mailing address with U+2066");
        checks.assertNone();

        TestHttp.Response multiLine = http.put("/api/v1/organization/mailing-address",
                "{\"mailingAddress\":\"Strict Co\\r\\n1 Main Street\\r\\nSpringfield, IL 62701\"}", "X-Api-Key", key);
        assertThat(multiLine.status()).as(multiLine.body()).isEqualTo(200);
    }

    @Test
    void theClayWebhookStillAcceptsColumnsNobodyMapped() {
        String secret = http.post("/api/v1/integrations/clay/secret", "{}", "X-Api-Key", key).json().get("secret")
                .asString();
        String body = "{\"Work Email\":\"clay-" + UUID.randomUUID() + "@acme.com\",\"First Name\":\"Cl\","
                + "\"Clay Row Id\":\"r_81\",\"Enrichment Credits\":3}";
        String ts = Long.toString(Instant.now().getEpochSecond());
        String sig = "sha256=" + HexFormat.of().formatHex(ClayWebhook.hmac(secret, ts,
                body.getBytes(StandardCharsets.UTF_8)));

        TestHttp.Response r = http.post("/api/v1/ingest/clay", body, "X-Api-Key", key, "X-Clay-Timestamp", ts,
                "X-Clay-Signature", sig);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
