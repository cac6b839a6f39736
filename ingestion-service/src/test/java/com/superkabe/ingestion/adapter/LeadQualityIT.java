package com.superkabe.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.kit.testing.dns.TestDnsServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The address policy and the immediate blocks through the API, on the real service with MX on by
 * default (no mx.enabled given) against a real DNS server on loopback: the dry run names each new
 * reason in its checks, and an organization's settings change what is accepted, each refused
 * input a problem naming its field.
 */
class LeadQualityIT {

    private static final TestDnsServer DNS = new TestDnsServer().mx("acme.com", 10, "mx.acme.com")
            .mx("acme.xyz", 10, "mx.acme.xyz").mx("xn--bcher-kva.de", 10, "mx.xn--bcher-kva.de");
    private static ConfigurableApplicationContext app;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = IngestionApplication.builder().run(TestInfra.args("--superkabe.admin-token=quality-admin",
                "--superkabe.ingestion.mx.dns-server=" + DNS.address()));
        http = TestHttp.of(app);
    }

    @AfterAll
    static void stop() {
        app.close();
        DNS.close();
    }

    private static String organization() {
        TestHttp.Response org = http.post("/admin/v1/organizations", "{\"name\":\"Quality\"}", "X-Admin-Token",
                "quality-admin");
        assertThat(org.status()).isEqualTo(201);
        String key = org.json().get("apiKey").asString();
        TestHttp.until(() -> http.get("/api/v1/settings/lead-health", "X-Api-Key", key), x -> x.status() == 200,
                Duration.ofSeconds(20));
        return key;
    }

    private static JsonNode validate(String key, String... emails) {
        TestHttp.Response r = http.post("/api/v1/leads/validate", TestHttp.json(java.util.Map.of("emails",
                java.util.List.of(emails))), "X-Api-Key", key);
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("results");
    }

    @Test
    void theDryRunNamesReservedDomainsUnsafeCharactersSmtputf8AndTheImmediateBlocksInItsChecks() {
        String key = organization();

        JsonNode results = validate(key, "ada@example.com", "ada\u2028@acme.com", "jürgen@bücher.de",
                "info@acme.com", "ada@acme.xyz", "ada@xn--0.com", "ada@acme.com");

        assertThat(results.get(0).get("checks").get("reserved").get("code").asString()).isEqualTo("reserved_domain");
        assertThat(results.get(0).get("checks").get("mx").get("passed").isNull()).as("no DNS for a reserved name")
                .isTrue();
        assertThat(results.get(1).get("checks").get("syntax").get("code").asString()).isEqualTo("unsafe_character");
        assertThat(results.get(2).get("checks").get("syntax").get("code").asString()).isEqualTo("smtputf8_not_enabled");
        assertThat(results.get(3).get("verdict").asString()).isEqualTo("RED");
        assertThat(results.get(3).get("checks").get("role").get("code").asString()).isEqualTo("role");
        assertThat(results.get(4).get("verdict").asString()).isEqualTo("RED");
        assertThat(results.get(5).get("checks").get("syntax").get("code").asString()).isEqualTo("idna");
        assertThat(results.get(6).get("verdict").asString()).isEqualTo("GREEN");
        assertThat(results.get(6).get("checks").get("mx").get("passed").asBoolean()).as("MX is on by default")
                .isTrue();
    }

    @Test
    void anOrganizationMayAcceptRoleAccountsAndSuspiciousTldsAsYellowAndEnableSmtputf8() {
        String key = organization();
        TestHttp.Response put = http.put("/api/v1/settings/lead-health", "{\"acceptRoleAccounts\":true,"
                + "\"acceptSuspiciousTlds\":true,\"smtputf8\":true}", "X-Api-Key", key);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("acceptRoleAccounts").asBoolean()).isTrue();

        JsonNode results = validate(key, "info@acme.com", "ada@acme.xyz", "jürgen@bücher.de");

        assertThat(results.get(0).get("verdict").asString()).isEqualTo("YELLOW");
        assertThat(results.get(1).get("verdict").asString()).isEqualTo("YELLOW");
        assertThat(results.get(2).get("verdict").asString()).isEqualTo("GREEN");
        assertThat(results.get(2).get("normalized").asString()).isEqualTo("jürgen@xn--bcher-kva.de");
        TestHttp.Response lead = http.post("/api/v1/leads", "{\"email\":\"jürgen@bücher.de\"}", "X-Api-Key", key);
        assertThat(lead.status()).isEqualTo(201);
    }

    @Test
    void refusesABadSettingWithAProblemNamingTheFieldAndKeepsThePolicy() {
        String key = organization();

        TestHttp.Response notBoolean = http.put("/api/v1/settings/lead-health", "{\"smtputf8\":\"yes\"}",
                "X-Api-Key", key);
        TestHttp.Response notList = http.put("/api/v1/settings/lead-health", "{\"suspiciousTlds\":\"xyz\"}",
                "X-Api-Key", key);

        assertThat(notBoolean.status()).isEqualTo(400);
        assertThat(notBoolean.headers().get("content-type").getFirst()).startsWith("application/problem+json");
        assertThat(notBoolean.body()).contains("smtputf8");
        assertThat(notList.status()).isEqualTo(400);
        assertThat(notList.body()).contains("suspiciousTlds");
        assertThat(http.get("/api/v1/settings/lead-health", "X-Api-Key", key).json().get("smtputf8").asBoolean())
                .isFalse();
    }
}
