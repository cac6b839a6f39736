package com.superkabe.protection.adapter;

import static com.superkabe.protection.adapter.ProtectionServiceIT.GLOBEX_KEY;
import static com.superkabe.protection.adapter.ProtectionServiceIT.await;
import static com.superkabe.protection.adapter.ProtectionServiceIT.mailbox;
import static com.superkabe.protection.adapter.ProtectionServiceIT.origin;
import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.kit.testing.ApiProbe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every write endpoint of protection, sent NUL-bearing, wrong-typed, overflowing and malformed
 * bodies on the shared real stack: never a 5xx, always a problem naming the field, nothing stored.
 */
class ProtectionApiRobustnessIT {

    private static ApiProbe probe;

    @BeforeAll
    static void start() {
        ProtectionServiceIT.ensureStarted();
        probe = ApiProbe.of(ProtectionServiceIT.protection);
        ProtectionServiceIT.kafka.publish(origin(mailbox("org-2", "mb-robust", "robust.test")));
        await(GLOBEX_KEY, "/api/v1/protection/mailboxes/mb-robust", v -> v.get("registered").asBoolean());
    }

    @Test
    void aBadTransitionRequestIsAProblemNamingTheFieldAndAuditsNothing() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("target", "paused");
        valid.put("reason", "operator check");
        valid.put("force", true);
        long before = stored();

        for (ApiProbe.Variant v : ApiProbe.variants(valid)) {
            checks.problem(probe.json("POST", "/api/v1/protection/mailboxes/mb-robust/transitions", v.body(), "X-Api-Key",
                    GLOBEX_KEY), v.field(), "mailbox: " + v.name());
            checks.problem(probe.json("POST", "/api/v1/protection/domains/robust.test/transitions", v.body(), "X-Api-Key",
                    GLOBEX_KEY), v.field(), "domain: " + v.name());
        }

        checks.assertNone();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aBadModeOrPolicyIsAProblemNamingTheFieldAndChangesNothing() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("warningBounces", 3);
        policy.put("warningWindow", 60);
        policy.put("pauseBounces", 5);
        policy.put("pauseWindow", 100);
        policy.put("cooldownTicks", List.of(1440, 4320));
        policy.put("warmNewMailboxes", false);
        policy.put("complaintMinimumSends", 500);
        policy.put("complaintWindowDays", 7);
        policy.put("complaintWarningPercent", 0.1);
        policy.put("reason", "robustness");
        List<ApiProbe.Variant> variants = new ArrayList<>();
        for (ApiProbe.Variant v : ApiProbe.variants(policy)) {
            if (!v.name().equals("a fraction for complaintWarningPercent")) {
                variants.add(v);
            }
        }
        variants.add(new ApiProbe.Variant("a fractional cooldown", "{\"cooldownTicks\":[1.5]}", "cooldownTicks[0]"));
        variants.add(new ApiProbe.Variant("a cooldown past a long", "{\"cooldownTicks\":[99999999999999999999999]}",
                "cooldownTicks[0]"));
        variants.add(new ApiProbe.Variant("a string cooldown", "{\"cooldownTicks\":[\"10\"]}", "cooldownTicks[0]"));
        long before = stored();

        for (ApiProbe.Variant v : variants) {
            checks.problem(probe.json("PUT", "/api/v1/protection/policy", v.body(), "X-Api-Key", GLOBEX_KEY),
                    v.field(), "policy: " + v.name());
        }
        for (ApiProbe.Variant v : ApiProbe.variants(Map.of("mode", "OBSERVE", "reason", "trial"))) {
            checks.problem(probe.json("PUT", "/api/v1/protection/mode", v.body(), "X-Api-Key", GLOBEX_KEY),
                    v.field(), "mode: " + v.name());
        }

        checks.assertNone();
        assertThat(stored()).isEqualTo(before);
    }

    /**
     * The mode's reason travels in ProtectionModeChanged; unbounded, a reason of a megabyte was accepted
     * (200) and its event could not fit the broker's record limit. Capped like the other reasons.
     */
    @Test
    void aModeReasonLongerThan1000CharactersIsRefusedNamingReasonAndTheModeStays() {
        String before = ProtectionServiceIT.http.get("/api/v1/protection/mode", "X-Api-Key", GLOBEX_KEY).body();
        String target = before.contains("ENFORCE") ? "OBSERVE" : "ENFORCE";

        ApiProbe.Answer a = probe.json("PUT", "/api/v1/protection/mode", "{\"mode\":\"" + target + "\",\"reason\":\""
                + "r".repeat(1001) + "\"}", "X-Api-Key", GLOBEX_KEY);

        ApiProbe.assertProblem(a, "reason", "a 1001-character mode reason");
        assertThat(ProtectionServiceIT.http.get("/api/v1/protection/mode", "X-Api-Key", GLOBEX_KEY).body())
                .isEqualTo(before);
    }

    @Test
    void malformedRequestsAnswerProblemDetails() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        for (String line : List.of("GET /api/v1/protection/mailboxes/%ZZ HTTP/1.1", "GET /api/v1/protection/mailboxes/a%00b HTTP/1.1",
                "GET /api/v1/mail boxes HTTP/1.1")) {
            checks.problem(probe.raw((line + "\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)), null, line);
        }
        checks.problem(probe.send("GET", "/api/v1/protection/mailboxes?state=pau%00sed", null, null, "X-Api-Key", GLOBEX_KEY),
                "state", "a NUL in a query parameter");
        checks.problem(probe.send("GET", "/api/v1/protection/domains?state=%01", null, null, "X-Api-Key", GLOBEX_KEY),
                "state", "a control character in a query parameter");
        checks.problem(probe.send("PUT", "/api/v1/protection/mode", "text/plain", "OBSERVE".getBytes(
                StandardCharsets.UTF_8), "X-Api-Key", GLOBEX_KEY), null, "an unsupported media type");
        checks.problem(probe.send("PUT", "/api/v1/protection/mode", "application/json", new byte[0], "X-Api-Key",
                GLOBEX_KEY), "body", "an empty body");
        checks.assertNone();
    }

    /** Rows the write endpoints store for the organization: audit, policy changes, settings. */
    private static long stored() {
        JdbcClient jdbc = ProtectionServiceIT.protection.getBean(JdbcClient.class);
        return jdbc.sql("SELECT (SELECT count(*) FROM state_transitions WHERE org_id = 'org-2')"
                + " + (SELECT count(*) FROM policy_changes WHERE org_id = 'org-2')"
                + " + (SELECT count(*) FROM org_settings WHERE org_id = 'org-2')").query(Long.class).single();
    }
}
