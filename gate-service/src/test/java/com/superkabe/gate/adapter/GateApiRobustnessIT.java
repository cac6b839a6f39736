package com.superkabe.gate.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.gate.GateApplication;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.ApiProbe;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gate's write endpoints (the two releases) and its read endpoint, sent control characters in
 * the path and query, stray bodies and malformed requests on a real broker and database: never a
 * 5xx, always a problem naming what is wrong, no decision recorded.
 */
class GateApiRobustnessIT {

    private static ConfigurableApplicationContext gate;
    private static ApiProbe probe;
    private static final String KEY = "sk_" + UUID.randomUUID();
    private static final String ORG = "org-robust-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        gate = GateApplication.builder().run(TestInfra.args());
        probe = ApiProbe.of(gate);
        try (KafkaProbe kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString())) {
            String id = UUID.randomUUID().toString();
            OrganizationRegistered org = new OrganizationRegistered(ORG, "Robust", ApiKeys.sha256(KEY));
            kafka.publish(new Envelope(id, EventType.of(org), "test", Instant.now(), ORG, null, id, 1, org));
        }
        TestHttp http = TestHttp.of(gate);
        TestHttp.until(() -> http.get("/api/v1/leads/x/gate-decisions", "X-Api-Key", KEY), r -> r.status() != 401,
                Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void controlCharactersInThePathOrQueryAreAProblemNamingThemAndReleaseNothing() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        long before = decisions();

        for (String path : List.of("/api/v1/leads/a%00b/release", "/api/v1/leads/a%01b/release",
                "/api/v1/campaigns/c%00/release", "/api/v1/campaigns/c%1B/release")) {
            checks.problem(probe.send("POST", path, null, null, "X-Api-Key", KEY), null, "POST " + path);
        }
        checks.problem(probe.send("GET", "/api/v1/leads/a%07b/gate-decisions", null, null, "X-Api-Key", KEY),
                "path", "a BEL in a lead id");
        checks.problem(probe.send("GET", "/api/v1/leads/x/gate-decisions?limit=%00", null, null, "X-Api-Key", KEY),
                "limit", "a NUL in a query parameter");
        checks.problem(probe.send("GET", "/api/v1/leads/x/gate-decisions?a=%ZZ", null, null, "X-Api-Key", KEY),
                null, "bad URL encoding in the query");

        checks.assertNone();
        assertThat(decisions()).isEqualTo(before);
    }

    @Test
    void aStrayBodyOnAReleaseIsIgnoredNotA500() {
        ApiProbe.Answer a = probe.json("POST", "/api/v1/campaigns/cmp-none/release", "{\"x\":\"\\u0000\"}",
                "X-Api-Key", KEY);

        assertThat(a.status()).as(a.body()).isEqualTo(404);
        assertThat(a.json().get("detail").asString()).contains("cmp-none");
    }

    @Test
    void malformedRequestsAnswerProblemDetailsNotTomcatsHtmlPage() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        for (String line : List.of("POST /api/v1/leads/%ZZ/release HTTP/1.1", "GET /api/v1/le ads HTTP/1.1",
                "G\u0001T /api/v1/leads/x/gate-decisions HTTP/1.1")) {
            checks.problem(probe.raw((line + "\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)), null, line);
        }
        checks.problem(probe.send("DELETE", "/api/v1/leads/x/release", null, null, "X-Api-Key", KEY), null,
                "a method not allowed");
        checks.problem(probe.send("GET", "/api/v1/nothing-here", null, null, "X-Api-Key", KEY, "Accept",
                "text/html"), null, "an unknown path");
        checks.assertNone();
    }

    private static long decisions() {
        return gate.getBean(JdbcClient.class).sql("SELECT count(*) FROM gate_decision").query(Long.class).single();
    }
}
