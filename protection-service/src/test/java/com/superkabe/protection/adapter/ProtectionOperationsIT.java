package com.superkabe.protection.adapter;

import static com.superkabe.protection.adapter.ProtectionServiceIT.GLOBEX_KEY;
import static com.superkabe.protection.adapter.ProtectionServiceIT.HOOLI_KEY;
import static com.superkabe.protection.adapter.ProtectionServiceIT.INITECH_KEY;
import static com.superkabe.protection.adapter.ProtectionServiceIT.ACME_KEY;
import static com.superkabe.protection.adapter.ProtectionServiceIT.await;
import static com.superkabe.protection.adapter.ProtectionServiceIT.bounces;
import static com.superkabe.protection.adapter.ProtectionServiceIT.mailbox;
import static com.superkabe.protection.adapter.ProtectionServiceIT.origin;
import static com.superkabe.protection.adapter.ProtectionServiceIT.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.Topic;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.MailboxWarmupLimitSet;
import com.superkabe.events.protection.ProtectionRecommended;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Policies, modes, warming, domain operators and correlation on the shared real stack. */
class ProtectionOperationsIT {

    static TestHttp http;

    @BeforeAll
    static void start() {
        ProtectionServiceIT.ensureStarted();
        http = ProtectionServiceIT.http;
    }

    @Test
    void anOrganizationsOwnThresholdsDecideItsMailboxesAndEveryChangeIsAudited() {
        JsonNode defaults = http.get("/api/v1/protection/policy", "X-Api-Key", INITECH_KEY).json();
        assertThat(defaults.get("pauseBounces").asInt()).isEqualTo(5);
        assertThat(defaults.get("warmNewMailboxes").asBoolean()).isFalse();

        var r = put("/api/v1/protection/policy", "{\"warningBounces\":1,\"warningWindow\":10,\"pauseBounces\":2,"
                + "\"pauseWindow\":10,\"cooldownTicks\":[3,6],\"reason\":\"strict trial\"}", INITECH_KEY);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode now = http.get("/api/v1/protection/policy", "X-Api-Key", INITECH_KEY).json();
        assertThat(now.get("pauseBounces").asInt()).isEqualTo(2);
        assertThat(now.get("cooldownTicks").valueStream().map(JsonNode::asLong).toList()).containsExactly(3L, 6L);
        assertThat(http.get("/api/v1/protection/policy", "X-Api-Key", ACME_KEY).json().get("pauseBounces").asInt())
                .isEqualTo(5);
        JsonNode change = http.get("/api/v1/protection/policy/changes", "X-Api-Key", INITECH_KEY).json().get(0);
        assertThat(change.get("actor").asString()).isEqualTo("apikey:" + ApiKeys.sha256(INITECH_KEY).substring(0, 12));
        assertThat(change.get("reason").asString()).isEqualTo("strict trial");
        assertThat(change.get("before").asString()).contains("\"pauseBounces\":5");
        assertThat(change.get("after").asString()).contains("\"pauseBounces\":2");

        ProtectionServiceIT.kafka.publish(origin(mailbox("org-3", "mb-strict", "acme.test")));
        await(INITECH_KEY, "/api/v1/protection/mailboxes/mb-strict", v -> v.get("registered").asBoolean());
        bounces("org-3", "mb-strict", "st", 2);
        JsonNode paused = await(INITECH_KEY, "/api/v1/protection/mailboxes/mb-strict", v -> v.get("state").asString()
                .equals("paused"));
        assertThat(paused.get("bounces").asLong()).isEqualTo(2);
    }

    @Test
    void refusesABadPolicyNamingTheFieldAndKeepsTheOldOne() {
        assertProblem(put("/api/v1/protection/policy", "{\"pauseWindow\":0}", HOOLI_KEY), 400, "pauseWindow");
        assertProblem(put("/api/v1/protection/policy", "{\"warningWindow\":5000}", HOOLI_KEY), 400, "warningWindow");
        assertProblem(put("/api/v1/protection/policy", "{\"cooldownTicks\":[]}", HOOLI_KEY), 400, "cooldownTicks");
        assertProblem(put("/api/v1/protection/policy", "{\"cooldownTicks\":[10,5]}", HOOLI_KEY), 422,
                "cooldownTicks");
        assertProblem(put("/api/v1/protection/policy", "{\"warningBounces\":6}", HOOLI_KEY), 422, "warningBounces");
        assertProblem(put("/api/v1/protection/policy", "{\"pauseBounces\":20,\"pauseWindow\":10}", HOOLI_KEY), 422,
                "pauseBounces");
        assertThat(put("/api/v1/protection/policy", "{\"pauseBounces\":\"many\"}", HOOLI_KEY).statusCode())
                .isEqualTo(400);
        assertThat(put("/api/v1/protection/policy", "{}", "no-such-key").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/protection/policy", "X-Api-Key", HOOLI_KEY).json().get("warningBounces").asInt())
                .isEqualTo(3);
    }

    @Test
    void setsTheComplaintRateLinesAndRefusesBadOnesNamingTheField() {
        JsonNode defaults = http.get("/api/v1/protection/policy", "X-Api-Key", HOOLI_KEY).json();
        assertThat(defaults.get("complaintWarningPercent").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(defaults.get("complaintPausePercent").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(defaults.get("complaintMinimumSends").asInt()).isEqualTo(500);
        assertThat(defaults.get("complaintWindowDays").asInt()).isEqualTo(7);

        assertProblem(put("/api/v1/protection/policy", "{\"complaintWarningPercent\":0}", HOOLI_KEY), 400,
                "complaintWarningPercent");
        assertProblem(put("/api/v1/protection/policy", "{\"complaintPausePercent\":0.0001}", HOOLI_KEY), 400,
                "complaintPausePercent");
        assertProblem(put("/api/v1/protection/policy", "{\"complaintWindowDays\":400}", HOOLI_KEY), 400,
                "complaintWindowDays");
        assertProblem(put("/api/v1/protection/policy", "{\"complaintMinimumSends\":0}", HOOLI_KEY), 400,
                "complaintMinimumSends");
        assertProblem(put("/api/v1/protection/policy", "{\"complaintWarningPercent\":0.5}", HOOLI_KEY), 422,
                "complaintWarningPercent");
        assertThat(put("/api/v1/protection/policy", "{\"complaintPausePercent\":\"high\"}", HOOLI_KEY).statusCode())
                .isEqualTo(400);

        assertThat(put("/api/v1/protection/policy", "{\"complaintWarningPercent\":0.05,\"complaintPausePercent\":0.2,"
                + "\"complaintMinimumSends\":1000,\"complaintWindowDays\":14,\"reason\":\"stricter\"}", HOOLI_KEY)
                .statusCode()).isEqualTo(200);
        JsonNode now = http.get("/api/v1/protection/policy", "X-Api-Key", HOOLI_KEY).json();
        assertThat(now.get("complaintPausePercent").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(now.get("complaintWindowDays").asInt()).isEqualTo(14);
        JsonNode changes = http.get("/api/v1/protection/policy/changes", "X-Api-Key", HOOLI_KEY).json();
        assertThat(changes.get(changes.size() - 1).get("after").asString()).contains("\"complaintPausePercent\":0.2");
        assertThat(put("/api/v1/protection/policy", "{}", HOOLI_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void startsNewMailboxesInWarmingWhenTheOrganizationAsksAndPublishesTheRamp() {
        assertThat(put("/api/v1/protection/policy", "{\"warmNewMailboxes\":true,\"reason\":\"fresh domains\"}",
                HOOLI_KEY).statusCode()).isEqualTo(200);

        ProtectionServiceIT.kafka.publish(origin(mailbox("org-4", "mb-fresh", "warm.test")));

        JsonNode view = await(HOOLI_KEY, "/api/v1/protection/mailboxes/mb-fresh", v -> v.get("registered").asBoolean());
        assertThat(view.get("state").asString()).isEqualTo("warming");
        assertThat(view.get("warmupLimit").asInt()).isEqualTo(10);
        MailboxWarmupLimitSet limit = (MailboxWarmupLimitSet) ProtectionServiceIT.kafka.awaitEvents(
                Topic.MAILBOX_STATES.topicName(), e -> e.payload() instanceof MailboxWarmupLimitSet m
                        && m.mailboxId().equals("mb-fresh"), 1, Duration.ofSeconds(10)).getFirst().payload();
        assertThat(limit.state()).isEqualTo("warming");
        assertThat(limit.limited()).isTrue();
        assertThat(limit.dailyLimit()).isEqualTo(10);
    }

    @Test
    void inSuggestModeRecordsThePauseUnenforcedAndRecommendsIt() {
        assertThat(put("/api/v1/protection/mode", "{\"mode\":\"SUGGEST\",\"reason\":\"trial\"}", GLOBEX_KEY)
                .statusCode()).isEqualTo(200);
        ProtectionServiceIT.kafka.publish(origin(mailbox("org-2", "mb-sg", "suggest.test")));
        await(GLOBEX_KEY, "/api/v1/protection/mailboxes/mb-sg", v -> v.get("registered").asBoolean());

        bounces("org-2", "mb-sg", "sg", 5);

        List<Envelope> recs = ProtectionServiceIT.kafka.awaitEvents(Topic.PROTECTION_ALERTS.topicName(),
                e -> e.payload() instanceof ProtectionRecommended p && p.entityId().equals("mb-sg")
                        && p.recommendedState().equals("paused"), 1, Duration.ofSeconds(20));
        assertThat(recs).hasSize(1);
        assertThat(((ProtectionRecommended) recs.getFirst().payload()).trigger()).isEqualTo("bounce_threshold");
        MailboxStateChanged paused = (MailboxStateChanged) ProtectionServiceIT.kafka.awaitEvents(
                Topic.MAILBOX_STATES.topicName(), e -> e.payload() instanceof MailboxStateChanged m
                        && m.mailboxId().equals("mb-sg") && m.to().equals("paused"), 1, Duration.ofSeconds(10))
                .getFirst().payload();
        assertThat(paused.mode()).isEqualTo("SUGGEST");
        assertThat(paused.enforced()).isFalse();
    }

    @Test
    void anOperatorPausesADomainAndNeedsForceToDeclareItHealthyEarly() {
        for (String id : List.of("mb-op1", "mb-op2")) {
            ProtectionServiceIT.kafka.publish(origin(mailbox("org-1", id, "op.test")));
        }
        await(ACME_KEY, "/api/v1/protection/domains/op.test", v -> v.get("mailboxes").asInt() == 2);
        bounces("org-1", "mb-op1", "op", 3);
        await(ACME_KEY, "/api/v1/protection/domains/op.test", v -> v.get("state").asString().equals("warning"));

        assertThat(http.post("/api/v1/protection/domains/op.test/transitions", "{\"target\":\"paused\",\"reason\":\"abuse "
                + "report\"}", "X-Api-Key", ACME_KEY).status()).isEqualTo(201);
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-op2", v -> v.get("state").asString().equals("paused"));
        TestHttp.Response early = http.post("/api/v1/protection/domains/op.test/transitions",
                "{\"target\":\"healthy\",\"reason\":\"resolved\"}", "X-Api-Key", ACME_KEY);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("force");
        assertThat(http.post("/api/v1/protection/domains/op.test/transitions", "{\"target\":\"healthy\",\"reason\":\"resolved\","
                + "\"force\":true}", "X-Api-Key", ACME_KEY).status()).isEqualTo(201);

        JsonNode last = lastOf(http.get("/api/v1/protection/domains/op.test/transitions", "X-Api-Key", ACME_KEY).json());
        assertThat(last.get("to").asString()).isEqualTo("healthy");
        assertThat(last.get("forced").asBoolean()).isTrue();
        assertThat(last.get("warning").asString()).contains("still unhealthy");
        assertThat(http.get("/api/v1/protection/domains/op.test", "X-Api-Key", GLOBEX_KEY).status()).isEqualTo(404);
    }

    @Test
    void pausesTheDomainWhenAMailboxBreachesWhileTwoSiblingsAreAlreadyFailing() {
        for (int i = 0; i < 12; i++) {
            ProtectionServiceIT.kafka.publish(origin(mailbox("org-1", "mb-k" + i, "corr.test")));
        }
        await(ACME_KEY, "/api/v1/protection/domains/corr.test", v -> v.get("mailboxes").asInt() == 12);
        bounces("org-1", "mb-k0", "k0-", 3);
        bounces("org-1", "mb-k1", "k1-", 3);
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-k1", v -> v.get("state").asString().equals("warning"));
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-k0", v -> v.get("state").asString().equals("warning"));

        bounces("org-1", "mb-k2", "k2-", 5);

        DomainStateChanged d = (DomainStateChanged) ProtectionServiceIT.kafka.awaitEvents(
                Topic.DOMAIN_STATES.topicName(), e -> e.payload() instanceof DomainStateChanged c
                        && c.domain().equals("corr.test") && c.to().equals("paused"), 1, Duration.ofSeconds(20))
                .getFirst().payload();
        assertThat(d.trigger()).isEqualTo("correlation");
        assertThat(d.reason()).contains("2 sibling mailboxes failing");
        await(ACME_KEY, "/api/v1/protection/mailboxes/mb-k7", v -> v.get("state").asString().equals("paused"));
    }

    private static JsonNode lastOf(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static void assertProblem(java.net.http.HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(r.body()).contains(field);
    }
}
