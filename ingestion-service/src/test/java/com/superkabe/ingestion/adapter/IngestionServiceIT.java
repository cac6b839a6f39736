package com.superkabe.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.Topic;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.lead.LeadRejected;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Lead intake over REST and over the public Kafka topic, on a real broker and database. */
class IngestionServiceIT {

    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static TestHttp http;
    private static String orgId;
    private static String apiKey;

    @BeforeAll
    static void start() {
        app = IngestionApplication.builder().run(TestInfra.args("--superkabe.admin-token=test-admin"));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        http = TestHttp.of(app);
        TestHttp.Response org = http.post("/admin/v1/organizations", "{\"name\":\"Acme\"}", "X-Admin-Token", "test-admin");
        assertThat(org.status()).isEqualTo(201);
        orgId = org.json().get("orgId").asString();
        apiKey = org.json().get("apiKey").asString();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
    }

    @Test
    void acceptsAWellFormedLeadOverRestAndPublishesLeadAccepted() {
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/leads", lead("ada-" + UUID.randomUUID() + "@example.com"),
                "X-Api-Key", apiKey), x -> x.status() != 401, Duration.ofSeconds(20));

        assertThat(r.status()).isEqualTo(201);
        String leadId = r.json().get("leadId").asString();
        List<Envelope> events = kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.subject().equals(leadId), 1,
                Duration.ofSeconds(15));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.payload()).isInstanceOfSatisfying(LeadAccepted.class, a -> {
                assertThat(a.orgId()).isEqualTo(orgId);
                assertThat(a.campaignId()).isEqualTo("c-1");
                assertThat(a.channel()).isEqualTo("api");
            });
            assertThat(e.orgId()).isEqualTo(orgId);
        });
        assertThat(http.get("/api/v1/leads/" + leadId, "X-Api-Key", apiKey).json().get("status").asString())
                .isEqualTo("HELD");
    }

    @Test
    void reportsAResubmittedAddressAsADuplicateOfTheSameLead() {
        String email = "grace-" + UUID.randomUUID() + "@example.com";
        TestHttp.Response first = TestHttp.until(() -> http.post("/api/v1/leads", lead(email), "X-Api-Key", apiKey),
                x -> x.status() != 401, Duration.ofSeconds(20));
        TestHttp.Response again = http.post("/api/v1/leads", lead(email.toUpperCase().replace("@EXAMPLE.COM", "@Example.com")
                .replace(email.substring(0, email.indexOf('@')).toUpperCase(), email.substring(0, email.indexOf('@')))),
                "X-Api-Key", apiKey);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.json().get("leadId").asString()).isEqualTo(first.json().get("leadId").asString());
    }

    @Test
    void answersAMalformedLeadWith400ProblemDetailsNamingTheField() {
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/leads", lead("not-an-email"), "X-Api-Key", apiKey),
                x -> x.status() != 401, Duration.ofSeconds(20));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers().get("content-type").getFirst()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(r.json().get("detail").asString()).contains("has no '@'");
    }

    @Test
    void answersInvalidJsonWith400NamingTheProblem() {
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/leads", "{\"email\": [1,2]}", "X-Api-Key", apiKey),
                x -> x.status() != 401, Duration.ofSeconds(20));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("email");
    }

    @Test
    void refusesAnUnknownApiKeyWith401() {
        TestHttp.Response r = http.post("/api/v1/leads", lead("ada@example.com"), "X-Api-Key", "sk_nope");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("status").asInt()).isEqualTo(401);
        assertThat(http.post("/admin/v1/organizations", "{\"name\":\"x\"}", "X-Admin-Token", "wrong").status())
                .isEqualTo(401);
    }

    @Test
    void judgesLeadsPublishedOnTheIntakeTopicByAnyClientWithoutHeaders() {
        String email = "alan-" + UUID.randomUUID() + "@example.com";
        String json = "{\"orgId\":\"" + orgId + "\",\"email\":\"" + email + "\",\"firstName\":\"Alan\"}";
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), orgId, Map.of(), json.getBytes(StandardCharsets.UTF_8));
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), "nobody",
                Map.of(), "{\"orgId\":\"org_unknown\",\"email\":\"x@example.com\"}".getBytes(StandardCharsets.UTF_8));

        List<Envelope> accepted = kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted a
                && a.email().equals(email), 1, Duration.ofSeconds(20));
        assertThat(accepted).singleElement().satisfies(e -> assertThat(e.payloadAs(LeadAccepted.class).channel())
                .isEqualTo("kafka"));
        List<Envelope> rejected = kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.type() == EventType.LEAD_REJECTED
                && e.orgId().equals("org_unknown"), 1, Duration.ofSeconds(20));
        assertThat(rejected).singleElement().satisfies(e -> assertThat(e.payloadAs(LeadRejected.class).reasons()
                .getFirst().code()).isEqualTo("organization"));
    }

    private static String lead(String email) {
        return TestHttp.json(Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace", "campaignId", "c-1"));
    }
}
