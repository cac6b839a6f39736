package com.superkabe.sequencer.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.ApiProbe;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sequencer.SequencerApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every write endpoint of the sequencer, sent NUL-bearing, wrong-typed, overflowing and malformed bodies
 * (#12): never a 5xx, always a problem naming the field, nothing stored and nothing published.
 */
class SequencerApiRobustnessIT {

    private static final String ORG = "org-robust-" + UUID.randomUUID();
    private static final String KEY = "sk_test_" + UUID.randomUUID();
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static ApiProbe probe;
    private static String campaign;

    @BeforeAll
    static void start() {
        app = SequencerApplication.builder().run(TestInfra.args("--superkabe.clock.enabled=false"));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        kafka.publish(origin(new OrganizationRegistered(ORG, "Robust", ApiKeys.sha256(KEY))));
        // a campaign lists only mailboxes its organization registered (409 until the registration is read)
        kafka.publish(origin(new com.superkabe.events.mailbox.MailboxRegistered(ORG, "mb-robust", "r@robust.test",
                "robust.test", "SMTP", 100, null, null)));
        probe = ApiProbe.of(app);
        TestHttp http = TestHttp.of(app);
        TestHttp.Response created = TestHttp.until(() -> http.post("/api/v1/campaigns",
                TestHttp.json(validCampaign()), "X-Api-Key", KEY), r -> r.status() != 401 && r.status() != 409,
                Duration.ofSeconds(20));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        campaign = created.json().get("campaignId").asString();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
    }

    private static Map<String, Object> validCampaign() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Robust");
        body.put("status", "DRAFT");
        body.put("mailboxIds", List.of("mb-robust"));
        body.put("steps", List.of(Map.of("subject", "Hi {{firstName}}", "body", "Hello", "delayTicks", 0)));
        body.put("dailyLimit", 50);
        body.put("sendGapMinutes", 5);
        return body;
    }

    @Test
    void aBadCampaignIsAProblemNamingTheFieldAndStoresNothing() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        long before = campaigns();

        for (ApiProbe.Variant v : ApiProbe.variants(validCampaign())) {
            checks.problem(probe.json("POST", "/api/v1/campaigns", v.body(), "X-Api-Key", KEY), v.field(),
                    "create: " + v.name());
        }
        String nulSubject = TestHttp.json(validCampaign()).replace("Hi {{firstName}}", "Hi \\u0000");
        checks.problem(probe.json("POST", "/api/v1/campaigns", nulSubject, "X-Api-Key", KEY), "steps[0].subject",
                "a NUL in a step's subject");
        String hugeDelay = TestHttp.json(validCampaign()).replace("\"delayTicks\":0", "\"delayTicks\":1e400");
        checks.problem(probe.json("POST", "/api/v1/campaigns", hugeDelay, "X-Api-Key", KEY), null,
                "a delay past any number");
        String badCondition = TestHttp.json(validCampaign()).replace("\"delayTicks\":0",
                "\"delayTicks\":0,\"condition\":\"opened(0)\"");
        checks.problem(probe.json("POST", "/api/v1/campaigns", badCondition, "X-Api-Key", KEY),
                "steps[0].condition", "a condition on the step itself");
        String badPolicy = TestHttp.json(validCampaign()).replace("\"dailyLimit\":50",
                "\"dailyLimit\":50,\"policies\":{\"SENDING_WINDOW\":\"FAIL\"}");
        checks.problem(probe.json("POST", "/api/v1/campaigns", badPolicy, "X-Api-Key", KEY),
                "policies.SENDING_WINDOW", "an action the policy does not allow");

        checks.assertNone();
        assertThat(campaigns()).isEqualTo(before);
    }

    /**
     * Twenty steps of 60,000-character bodies: every field within its limit, together 1.2 MB. The
     * campaign used to be stored (201) and its CampaignCreated, larger than a broker record may be,
     * stopped the outbox relay (RecordTooLargeException, retried forever) for every organization.
     */
    @Test
    void stepsTooLargeTogetherForOneEventAreRefusedNamingStepsAndNothingIsStored() {
        Map<String, Object> body = validCampaign();
        body.put("steps", java.util.Collections.nCopies(20, Map.of("subject", "Hi", "body", "x".repeat(60_000),
                "delayTicks", 0)));
        long before = campaigns();

        ApiProbe.Answer a = probe.json("POST", "/api/v1/campaigns", TestHttp.json(body), "X-Api-Key", KEY);
        ApiProbe.Answer changed = probe.json("PATCH", "/api/v1/campaigns/" + campaign, TestHttp.json(Map.of("steps",
                body.get("steps"))), "X-Api-Key", KEY);

        ApiProbe.assertProblem(a, "steps", "create: 20 steps of 60,000 characters");
        ApiProbe.assertProblem(changed, "steps", "new version: 20 steps of 60,000 characters");
        assertThat(campaigns()).isEqualTo(before);
    }

    @Test
    void aBadCampaignChangeIsAProblemNamingTheFieldAndChangesNothing() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("status", "ACTIVE");
        valid.put("reason", "launch");

        for (ApiProbe.Variant v : ApiProbe.variants(valid)) {
            checks.problem(probe.json("PATCH", "/api/v1/campaigns/" + campaign, v.body(), "X-Api-Key", KEY),
                    v.field(), "change: " + v.name());
        }

        checks.assertNone();
        assertThat(app.getBean(JdbcClient.class).sql("SELECT status FROM campaign WHERE campaign_id = ?")
                .param(campaign).query(String.class).single()).isEqualTo("DRAFT");
    }

    @Test
    void aBadOperatorRequestIsAProblemNamingTheField() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        Map<String, Object> control = new LinkedHashMap<>();
        control.put("reason", "customer on holiday");
        Map<String, Object> resolve = new LinkedHashMap<>();
        resolve.put("action", "retry");
        resolve.put("reason", "content fixed");

        for (String path : List.of("/api/v1/runs/run-x/pause", "/api/v1/runs/run-x/resume",
                "/api/v1/leads/lead-x/pause", "/api/v1/leads/lead-x/resume")) {
            for (ApiProbe.Variant v : ApiProbe.variants(control)) {
                checks.problem(probe.json("POST", path, v.body(), "X-Api-Key", KEY), v.field(), path + ": " + v.name());
            }
        }
        for (ApiProbe.Variant v : ApiProbe.variants(resolve)) {
            checks.problem(probe.json("POST", "/api/v1/runs/run-x/resolve", v.body(), "X-Api-Key", KEY), v.field(),
                    "resolve: " + v.name());
        }
        checks.problem(probe.json("POST", "/api/v1/runs/run-x/pause", "{\"reason\":\"x\"}", "X-Api-Key", KEY), null,
                "an unknown run");

        checks.assertNone();
    }

    @Test
    void aBadRetryPolicyIsAProblemNamingTheField() {
        ApiProbe.Checks checks = new ApiProbe.Checks();
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("baseTicks", 15);
        valid.put("maxTicks", 240);
        valid.put("giveUpTicks", 4320);
        valid.put("jitterPercent", 20);

        for (ApiProbe.Variant v : ApiProbe.variants(valid)) {
            checks.problem(probe.json("PUT", "/api/v1/settings/send-retries", v.body(), "X-Api-Key", KEY), v.field(),
                    "retry policy: " + v.name());
        }

        checks.assertNone();
        assertThat(app.getBean(JdbcClient.class).sql("SELECT count(*) FROM org_retry_policy WHERE org_id = ?")
                .param(ORG).query(Long.class).single()).isZero();
    }

    private static long campaigns() {
        return app.getBean(JdbcClient.class).sql("SELECT count(*) FROM campaign WHERE org_id = ?").param(ORG)
                .query(Long.class).single();
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
