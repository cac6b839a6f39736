package com.superkabe.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.send.EmailUnsubscribed;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.kit.testing.dns.TestDnsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Enrolling existing leads on the real service, broker and PostgreSQL: the campaigns come from
 * {@code superkabe.campaigns} as the sequencer writes them, an enrolled lead's second LeadAccepted
 * reaches {@code superkabe.leads} for the target campaign, and each bad request is a problem that
 * changes nothing.
 */
class EnrolmentIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TestDnsServer DNS = new TestDnsServer().mx("acme.com", 10, "mx.acme.com");
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = IngestionApplication.builder().run(TestInfra.args("--superkabe.admin-token=enrol-admin",
                "--superkabe.ingestion.mx.dns-server=" + DNS.address()));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        http = TestHttp.of(app);
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
        DNS.close();
    }

    private record Org(String id, String key) {
    }

    private static Org organization() {
        TestHttp.Response r = http.post("/admin/v1/organizations", "{\"name\":\"Enrol\"}", "X-Admin-Token",
                "enrol-admin");
        assertThat(r.status()).isEqualTo(201);
        Org org = new Org(r.json().get("orgId").asString(), r.json().get("apiKey").asString());
        TestHttp.until(() -> http.get("/api/v1/settings/lead-health", "X-Api-Key", org.key()),
                x -> x.status() == 200, WAIT);
        return org;
    }

    private static Envelope event(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "sequencer-service", Instant.now(), payload.orgId(), null, id,
                -1, payload);
    }

    /** A campaign as the sequencer announces it; returns once ingestion knows it. */
    private static String campaign(Org org, String status) {
        String id = "cmp-" + UUID.randomUUID();
        kafka.publish(event(new CampaignCreated(org.id(), id, "Campaign", status, 1, List.of("mb-1"))));
        TestHttp.until(() -> enrol(org, id, "{\"leadIds\":[\"probe\"]}"), x -> x.status() != 404, WAIT);
        return id;
    }

    private static String lead(Org org, String email, String campaignId) {
        String body = campaignId == null ? TestHttp.json(Map.of("email", email, "firstName", "Ada"))
                : TestHttp.json(Map.of("email", email, "firstName", "Ada", "campaignId", campaignId));
        TestHttp.Response r = http.post("/api/v1/leads", body, "X-Api-Key", org.key());
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("leadId").asString();
    }

    private static TestHttp.Response enrol(Org org, String campaignId, String json) {
        return http.post("/api/v1/campaigns/" + campaignId + "/enrolments", json, "X-Api-Key", org.key());
    }

    private static HttpResponse<String> enrolCsv(Org org, String campaignId, String csv) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + app.getEnvironment().getProperty("local.server.port") + "/api/v1/campaigns/" + campaignId
                        + "/enrolments"))
                .header("Content-Type", "text/csv").header("X-Api-Key", org.key())
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8))).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(req, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aStoredLeadEnrolledByIdIsAnnouncedAgainForTheTargetCampaignAndShowsTheEnrolment() {
        Org org = organization();
        String target = campaign(org, "ACTIVE");
        String leadId = lead(org, "ada-" + UUID.randomUUID() + "@acme.com", null);
        assertThat(http.get("/api/v1/leads/" + leadId, "X-Api-Key", org.key()).json().get("status").asString())
                .isEqualTo("STORED");

        TestHttp.Response r = enrol(org, target, "{\"leadIds\":[\"" + leadId + "\",\"" + leadId + "\"]}");

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().get("enrolled").asInt()).isEqualTo(1);
        assertThat(r.json().get("alreadyEnrolled").asInt()).isEqualTo(1);
        List<Envelope> announced = kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted a
                && a.leadId().equals(leadId) && target.equals(a.campaignId()), 1, WAIT);
        assertThat(announced).singleElement().satisfies(e -> {
            LeadAccepted a = (LeadAccepted) e.payload();
            assertThat(a.channel()).isEqualTo("enrolment");
            assertThat(a.firstName()).isEqualTo("Ada");
        });
        JsonNode view = http.get("/api/v1/leads/" + leadId, "X-Api-Key", org.key()).json();
        assertThat(view.get("status").asString()).isEqualTo("HELD");
        assertThat(view.get("enrolments").get(0).get("campaignId").asString()).isEqualTo(target);
        assertThat(enrol(org, target, "{\"leadIds\":[\"" + leadId + "\"]}").json().get("results").get(0)
                .get("result").asString()).isEqualTo("ALREADY_ENROLLED");
        var snapshot = new com.superkabe.events.gate.LeadSnapshot(leadId, view.get("email").asString(), "Ada", null,
                null, null);
        String runId = "run-" + UUID.randomUUID();
        kafka.publish(event(new com.superkabe.events.run.RunEnrolled(org.id(), runId, target, snapshot, "mb-1", 1, 3,
                3)));
        kafka.publish(event(new com.superkabe.events.run.RunCompleted(org.id(), runId, 4)));
        kafka.publish(event(new com.superkabe.events.gate.LeadGateAllowed(org.id(), target, snapshot, "ENFORCE",
                List.of())));
        TestHttp.Response done = TestHttp.until(() -> http.get("/api/v1/leads/" + leadId, "X-Api-Key", org.key()),
                x -> "COMPLETED".equals(x.json().get("enrolments").get(0).get("status").asString()), WAIT);
        assertThat(done.json().get("enrolments").get(0).get("status").asString())
                .as("the late gate decision does not move it back").isEqualTo("COMPLETED");
    }

    @Test
    void aSecondSubmissionNamingAnotherCampaignEnrolsTheLeadInsteadOfADuplicate() {
        Org org = organization();
        String email = "grace-" + UUID.randomUUID() + "@acme.com";
        String leadId = lead(org, email, "c-first");

        TestHttp.Response other = http.post("/api/v1/leads", TestHttp.json(Map.of("email", email, "campaignId",
                "c-second")), "X-Api-Key", org.key());
        TestHttp.Response same = http.post("/api/v1/leads", TestHttp.json(Map.of("email", email, "campaignId",
                "c-second")), "X-Api-Key", org.key());

        assertThat(other.status()).isEqualTo(202);
        assertThat(other.json().get("status").asString()).isEqualTo("ENROLLED");
        assertThat(same.json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted a
                && a.leadId().equals(leadId), 2, WAIT))
                .extracting(e -> ((LeadAccepted) e.payload()).campaignId()).containsExactly("c-first", "c-second");
    }

    @Test
    void aCsvOfAddressesEnrolsTheOrganizationsLeadsAndReportsEachRow() throws Exception {
        Org org = organization();
        Org other = organization();
        String target = campaign(org, "ACTIVE");
        String mine = "alan-" + UUID.randomUUID() + "@acme.com";
        String theirs = "hedy-" + UUID.randomUUID() + "@acme.com";
        String unsubscribed = "barbara-" + UUID.randomUUID() + "@acme.com";
        lead(org, mine, null);
        lead(other, theirs, null);
        String suppressedId = lead(org, unsubscribed, null);
        kafka.publish(event(new EmailUnsubscribed(org.id(), "s-1", "r-1", "c-x", suppressedId, "mb-1", 1,
                unsubscribed, "<m-1@acme.com>", "ONE_CLICK")));
        TestHttp.until(() -> http.get("/api/v1/leads/" + suppressedId, "X-Api-Key", org.key()),
                x -> "UNSUBSCRIBED".equals(x.json().get("status").asString()), WAIT);

        HttpResponse<String> r = enrolCsv(org, target, "Name,Email\nAlan," + mine.toUpperCase() + "\nHedy," + theirs
                + "\nBarbara," + unsubscribed + "\nNobody,not-an-address\n");

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode results = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body()).get("results");
        assertThat(results.findValuesAsString("result")).containsExactly("ENROLLED", "NOT_FOUND", "SUPPRESSED",
                "NOT_FOUND");
        assertThat(results.get(0).get("row").asInt()).isEqualTo(2);
    }

    @Test
    void eachBadRequestIsAProblemNamingWhatIsWrongAndEnrolsNobody() throws Exception {
        Org org = organization();
        Org other = organization();
        String active = campaign(org, "ACTIVE");
        String paused = campaign(org, "ACTIVE");
        kafka.publish(event(new CampaignStatusChanged(org.id(), paused, "ACTIVE", "PAUSED")));
        TestHttp.until(() -> enrol(org, paused, "{\"leadIds\":[\"x\"]}"), x -> x.status() == 409, WAIT);
        String draft = campaign(org, "DRAFT");
        String theirs = campaign(other, "ACTIVE");
        String leadId = lead(org, "edsger-" + UUID.randomUUID() + "@acme.com", null);
        String ids = "{\"leadIds\":[\"" + leadId + "\"]}";

        assertProblem(enrol(org, "cmp-unknown", ids), 404, null);
        assertProblem(enrol(org, theirs, ids), 404, null);
        assertProblem(enrol(org, paused, ids), 409, "status");
        assertThat(enrol(org, paused, ids).body()).contains("PAUSED");
        assertProblem(enrol(org, draft, ids), 409, "status");
        assertProblem(enrol(org, active, "{\"leadIds\":[]}"), 400, "leadIds");
        // a misspelt field is named as the unknown field it is (ADR 0045), not as the missing one
        assertProblem(enrol(org, active, "{\"leads\":[\"x\"]}"), 400, "leads");
        assertProblem(enrol(org, active, "{\"leadIds\":[\"" + leadId + "\", 42]}"), 400, "leadIds[1]");
        assertProblem(enrol(org, active, TestHttp.json(Map.of("leadIds",
                java.util.Collections.nCopies(1001, leadId)))), 400, "leadIds");
        HttpResponse<String> noColumn = enrolCsv(org, active, "Name,Mail\nA,a@acme.com\n");
        HttpResponse<String> broken = enrolCsv(org, active, "email\n\"unclosed@acme.com\n");
        assertThat(noColumn.statusCode()).isEqualTo(400);
        assertThat(noColumn.body()).contains("\"field\":\"email\"");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("\"field\":\"file\"");

        JsonNode view = http.get("/api/v1/leads/" + leadId, "X-Api-Key", org.key()).json();
        assertThat(view.get("status").asString()).isEqualTo("STORED");
        assertThat(view.get("enrolments")).isEmpty();
    }

    private static void assertProblem(TestHttp.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().get("content-type").getFirst()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }
}
