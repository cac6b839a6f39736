package com.superkabe.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.Topic;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.lead.LeadRejected;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.ingestion.application.replay.IngestionReplay;
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

    static final TestDnsServer DNS = new TestDnsServer().mx("acme.com", 10, "mx.acme.com")
            .mx("acme.io", 10, "mx.acme.io").timeout("slow.com").exists("nomx.com");

    @BeforeAll
    static void start() {
        app = IngestionApplication.builder().run(TestInfra.args("--superkabe.admin-token=test-admin",
                "--superkabe.ingestion.mx.enabled=true", "--superkabe.ingestion.mx.dns-server=" + DNS.address(),
                "--superkabe.ingestion.mx.timeout=300ms", "--superkabe.ingestion.limits.csv-max-bytes=1MB",
                "--superkabe.ingestion.limits.batch-max-items=50"));
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
        DNS.close();
    }

    @Test
    void acceptsAWellFormedLeadOverRestAndPublishesLeadAccepted() {
        TestHttp.Response r = TestHttp.until(() -> http.post("/api/v1/leads", lead("ada-" + UUID.randomUUID() + "@acme.com"),
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
                assertThat(a.esp()).as("mx.acme.com is no known provider").isEqualTo(RecipientEsp.OTHER);
            });
            assertThat(e.orgId()).isEqualTo(orgId);
        });
        assertThat(http.get("/api/v1/leads/" + leadId, "X-Api-Key", apiKey).json().get("status").asString())
                .isEqualTo("HELD");
    }

    @Test
    void reportsAResubmittedAddressAsADuplicateOfTheSameLead() {
        String email = "grace-" + UUID.randomUUID() + "@acme.com";
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
        TestHttp.Response r = http.post("/api/v1/leads", lead("ada@acme.com"), "X-Api-Key", "sk_nope");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("status").asInt()).isEqualTo(401);
        assertThat(http.post("/admin/v1/organizations", "{\"name\":\"x\"}", "X-Admin-Token", "wrong").status())
                .isEqualTo(401);
    }

    @Test
    void judgesLeadsPublishedOnTheIntakeTopicByAnyClientWithoutHeaders() {
        String email = "alan-" + UUID.randomUUID() + "@acme.com";
        String json = "{\"orgId\":\"" + orgId + "\",\"email\":\"" + email + "\",\"firstName\":\"Alan\"}";
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), orgId, Map.of(), json.getBytes(StandardCharsets.UTF_8));
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), "nobody",
                Map.of(), "{\"orgId\":\"org_unknown\",\"email\":\"x@acme.com\"}".getBytes(StandardCharsets.UTF_8));

        List<Envelope> accepted = kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted a
                && a.email().equals(email), 1, Duration.ofSeconds(20));
        assertThat(accepted).singleElement().satisfies(e -> assertThat(e.payloadAs(LeadAccepted.class).channel())
                .isEqualTo("kafka"));
        List<Envelope> rejected = kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.type() == EventType.LEAD_REJECTED
                && e.orgId().equals("org_unknown"), 1, Duration.ofSeconds(20));
        assertThat(rejected).singleElement().satisfies(e -> assertThat(e.payloadAs(LeadRejected.class).reasons()
                .getFirst().code()).isEqualTo("organization"));
    }


    private static TestHttp.Response authed(java.util.function.Supplier<TestHttp.Response> call) {
        return TestHttp.until(call, x -> x.status() != 401, Duration.ofSeconds(20));
    }

    @Test
    void reportsEveryItemOfABatchAndReplaysItForTheSameIdempotencyKey() {
        String fresh = "batch-" + UUID.randomUUID() + "@acme.com";
        String body = TestHttp.json(List.of(Map.of("email", fresh, "firstName", "B"), Map.of("email", "info@acme.io"),
                Map.of("email", "x@mailinator.com"), Map.of("email", fresh.toUpperCase()), Map.of("email", 42)));
        String key = "k-" + UUID.randomUUID();
        TestHttp.Response r = authed(() -> http.post("/api/v1/leads", body, "X-Api-Key", apiKey, "Idempotency-Key", key));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(r.json().get("rejected").asInt()).isEqualTo(3);
        assertThat(r.json().get("duplicate").asInt()).isEqualTo(1);
        var results = r.json().get("results");
        assertThat(results.get(1).get("errors").toString()).as("a role account is blocked by default")
                .contains("\"code\":\"role\"");
        assertThat(results.get(2).get("errors").toString()).contains("\"code\":\"disposable\"");
        assertThat(results.get(3).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(results.get(4).get("errors").get(0).get("field").asString()).isEqualTo("email");

        TestHttp.Response again = http.post("/api/v1/leads", body, "X-Api-Key", apiKey, "Idempotency-Key", key);
        assertThat(again.body()).isEqualTo(r.body());
        assertThat(again.headers().get("idempotent-replayed")).containsExactly("true");
        assertThat(http.post("/api/v1/leads", "[]", "X-Api-Key", apiKey, "Idempotency-Key", key).status()).isEqualTo(422);
    }

    @Test
    void refusesABatchOverTheLimitWith413() {
        String body = TestHttp.json(java.util.Collections.nCopies(51, Map.of("email", "a@acme.com")));
        assertThat(authed(() -> http.post("/api/v1/leads", body, "X-Api-Key", apiKey)).status()).isEqualTo(413);
    }

    @Test
    void validatesAddressesWithoutStoringThemAndExplainsEveryCheck() {
        String body = "{\"emails\":[\"ada@acme.com\",\"ada@slow.com\",\"ada@nomx.com\",\"bad@@x\"]}";
        TestHttp.Response r = authed(() -> http.post("/api/v1/leads/validate", body, "X-Api-Key", apiKey));

        assertThat(r.status()).isEqualTo(200);
        var results = r.json().get("results");
        assertThat(results.get(0).get("verdict").asString()).isEqualTo("GREEN");
        assertThat(results.get(0).get("checks").get("mx").get("passed").asBoolean()).isTrue();
        assertThat(results.get(1).get("checks").get("mx").get("passed").isNull()).isTrue();
        assertThat(results.get(1).get("verdict").asString()).isEqualTo("YELLOW");
        assertThat(results.get(2).get("verdict").asString()).isEqualTo("RED");
        assertThat(results.get(2).get("checks").get("mx").get("passed").asBoolean()).isFalse();
        assertThat(results.get(3).get("checks").get("syntax").get("reason").asString()).contains("'@'");
        assertThat(results.get(0).get("checks").properties().stream().map(e -> e.getKey()).toList())
                .containsExactly("syntax", "reserved", "mx", "disposable", "role", "tld");
        assertThat(http.get("/api/v1/leads/" + com.superkabe.events.EventIds.derive("lead/" + orgId + "/ada@slow.com"),
                "X-Api-Key", apiKey).status()).isEqualTo(404);
    }

    @Test
    void importsACsvStreamKeepingGoodRowsAndReportingBrokenOnesByRowNumber() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String csv = "\uFEFFWork Email,First Name,Company,Lead Score,Notes\r\n"
                + "csv1-" + u + "@acme.com,Ada,\"Acme, Inc.\",80,\r\n"
                + "csv2-" + u + "@acme.com,\"B\"oops,X,1,\r\n"
                + "csv3-" + u + "@acme.com,Cy,Y,,\"multi\nline, note\"\r\n"
                + "csv1-" + u + "@acme.com,Dup,Z,,\r\n"
                + "csv4-" + u + "@acme.com,\"Evil\r\nBcc: x\",Z,,\r\n";
        HttpResponse<String> r = postRaw("/api/v1/leads/csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(200);
        var report = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body());
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("duplicate").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(report.get("rejectedRows").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(report.get("rejectedRows").get(1).get("errors").get(0).get("code").asString())
                .isEqualTo("header_injection");
        assertThat(report.get("duplicateRows").get(0).get("row").asInt()).isEqualTo(5);
        assertThat(report.get("mapping").get("email").asString()).isEqualTo("Work Email");
    }

    @Test
    void importsAMultipartCsvWithAnExplicitMappingAndRefusesAnOversizedOneWith413() throws Exception {
        String b = "----sk" + UUID.randomUUID();
        String csv = "Personal,Mail\nx,mp-" + UUID.randomUUID() + "@acme.com\n";
        byte[] body = ("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"l.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = postRaw("/api/v1/leads/csv?mapping=%7B%22email%22%3A%22mail%22%7D",
                "multipart/form-data; boundary=" + b, body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"accepted\":1");

        byte[] big = new byte[1_200_000];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(postRaw("/api/v1/leads/csv", "text/csv", big).statusCode()).isEqualTo(413);
    }

    @Test
    void acceptsSignedClayRowsOnceAndRefusesBadStaleOrReplayedSignatures() throws Exception {
        TestHttp.Response s = authed(() -> http.post("/api/v1/integrations/clay/secret", "{}", "X-Api-Key", apiKey));
        assertThat(s.status()).isEqualTo(201);
        String secret = s.json().get("secret").asString();
        String email = "clay-" + UUID.randomUUID() + "@acme.com";
        String body = "{\"Work Email\":\"" + email + "\",\"First Name\":\"Cl\",\"Company Domain\":\"x.com\","
                + "\"Job Title\":\"CTO\",\"lead score\":72}";
        String ts = Long.toString(java.time.Instant.now().getEpochSecond());
        String sig = "sha256=" + java.util.HexFormat.of().formatHex(com.superkabe.ingestion.application.ClayWebhook
                .hmac(secret, ts, body.getBytes(StandardCharsets.UTF_8)));

        TestHttp.Response ok = http.post("/api/v1/ingest/clay", body, "X-Api-Key", apiKey, "X-Clay-Timestamp", ts,
                "X-Clay-Signature", sig);
        assertThat(ok.status()).isEqualTo(201);
        String leadId = ok.json().get("leadId").asString();
        var lead = http.get("/api/v1/leads/" + leadId, "X-Api-Key", apiKey).json();
        assertThat(lead.get("title").asString()).isEqualTo("CTO");
        assertThat(lead.get("leadScore").asInt()).isEqualTo(72);
        assertThat(lead.get("channel").asString()).isEqualTo("clay");

        assertThat(http.post("/api/v1/ingest/clay", body, "X-Api-Key", apiKey, "X-Clay-Timestamp", ts,
                "X-Clay-Signature", sig).json().get("detail").asString()).contains("replay");
        assertThat(http.post("/api/v1/ingest/clay", body + " ", "X-Api-Key", apiKey, "X-Clay-Timestamp", ts,
                "X-Clay-Signature", sig).status()).isEqualTo(401);
        String old = Long.toString(java.time.Instant.now().getEpochSecond() - 400);
        String oldSig = "sha256=" + java.util.HexFormat.of().formatHex(com.superkabe.ingestion.application.ClayWebhook
                .hmac(secret, old, body.getBytes(StandardCharsets.UTF_8)));
        TestHttp.Response stale = http.post("/api/v1/ingest/clay", body, "X-Api-Key", apiKey, "X-Clay-Timestamp", old,
                "X-Clay-Signature", oldSig);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().get("detail").asString()).contains("replay window");
    }

    @Test
    void keepsLeadStatusFromOtherServicesAndSuppressesABouncedAddressOrgWide() {
        String email = "status-" + UUID.randomUUID() + "@acme.com";
        String leadId = authed(() -> http.post("/api/v1/leads", lead(email), "X-Api-Key", apiKey)).json().get("leadId")
                .asString();
        var snap = new com.superkabe.events.gate.LeadSnapshot(leadId, email, "Ada", null, null, null);
        kafka.publish(event(new com.superkabe.events.gate.LeadGateAllowed(orgId, "c-1", snap, "ENFORCE", List.of())));
        awaitStatus(leadId, "ACTIVE");
        kafka.publish(event(new com.superkabe.events.send.EmailSendFailed(orgId, "s-" + leadId, "r-" + leadId, "c-1",
                leadId, "mb-1", 0, email, "HARD_BOUNCE", 550, "5.1.1 user unknown", 3)));
        awaitStatus(leadId, "BOUNCED");
        kafka.publish(event(new com.superkabe.events.gate.LeadGateAllowed(orgId, "c-2", snap, "ENFORCE", List.of())));

        TestHttp.Response again = http.post("/api/v1/leads", lead(email), "X-Api-Key", apiKey);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").get(0).get("code").asString()).isEqualTo("suppressed");
        assertThat(http.get("/api/v1/leads/" + leadId, "X-Api-Key", apiKey).json().get("suppressed").asBoolean()).isTrue();
    }

    @Test
    void anUnsubscribeFromAnyCampaignSuppressesTheAddressOrgWideEvenWhenTheSendDidNotNameTheLead() {
        String email = "unsub-" + UUID.randomUUID() + "@acme.com";
        String leadId = authed(() -> http.post("/api/v1/leads", lead(email), "X-Api-Key", apiKey)).json().get("leadId")
                .asString();
        var snap = new com.superkabe.events.gate.LeadSnapshot(leadId, email, "Ada", null, null, null);
        kafka.publish(event(new com.superkabe.events.gate.LeadGateAllowed(orgId, "c-1", snap, "ENFORCE", List.of())));
        awaitStatus(leadId, "ACTIVE");

        kafka.publish(event(new com.superkabe.events.send.EmailUnsubscribed(orgId, "s-" + leadId, "r-" + leadId,
                "c-1", null, "mb-1", 1, email.toUpperCase(), "<m-1@acme.com>", "ONE_CLICK")));

        awaitStatus(leadId, "UNSUBSCRIBED");
        var view = http.get("/api/v1/leads/" + leadId, "X-Api-Key", apiKey).json();
        assertThat(view.get("suppressed").asBoolean()).isTrue();
        TestHttp.Response again = http.post("/api/v1/leads", lead(email), "X-Api-Key", apiKey);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").get(0).get("message").asString()).contains("unsubscribed");
    }

    @Test
    void aBounceFoundInTheMailboxLaterSuppressesOnlyWhenItSaysTheAddressCannotReceive() {
        String blocked = "dsn-blocked-" + UUID.randomUUID() + "@acme.com";
        String unknown = "dsn-unknown-" + UUID.randomUUID() + "@acme.com";
        String blockedId = authed(() -> http.post("/api/v1/leads", lead(blocked), "X-Api-Key", apiKey)).json()
                .get("leadId").asString();
        String unknownId = authed(() -> http.post("/api/v1/leads", lead(unknown), "X-Api-Key", apiKey)).json()
                .get("leadId").asString();

        kafka.publish(event(new com.superkabe.events.reply.EmailBounced(orgId, "b-" + blockedId, "mb-1", null, null,
                null, null, blocked, "HARD", "5.7.1", 554, "blocked", "Client host blocked using a DNSBL",
                "<dsn-a@mx.acme.com>", "<m-a@acme.io>")));
        kafka.publish(event(new com.superkabe.events.reply.EmailBounced(orgId, "b-" + unknownId, "mb-1", null, null,
                null, null, unknown, "HARD", "5.1.1", 550, "userunknown", "user unknown", "<dsn-u@mx.acme.com>",
                "<m-u@acme.io>")));

        awaitStatus(unknownId, "BOUNCED");
        assertThat(http.get("/api/v1/leads/" + blockedId, "X-Api-Key", apiKey).json().get("status").asString())
                .isEqualTo("HELD");
    }

    @Test
    void completesALeadWhenItsRunCompletes() {
        String email = "run-" + UUID.randomUUID() + "@acme.com";
        String leadId = authed(() -> http.post("/api/v1/leads", lead(email), "X-Api-Key", apiKey)).json().get("leadId")
                .asString();
        String runId = "run-" + leadId;
        kafka.publish(event(new com.superkabe.events.run.RunEnrolled(orgId, runId, "c-1",
                new com.superkabe.events.gate.LeadSnapshot(leadId, email, null, null, null, null), "mb-1", 1, 1, 1)));
        kafka.publish(event(new com.superkabe.events.run.RunReplied(orgId, runId, "reply-1", 2)));
        kafka.publish(event(new com.superkabe.events.run.RunCompleted(orgId, runId, 3)));

        awaitStatus(leadId, "COMPLETED");
        assertThat(http.get("/api/v1/leads/" + leadId, "X-Api-Key", apiKey).json().get("replied").asBoolean()).isTrue();
    }

    @Test
    void sendsAnUndecodableIntakeRecordToTheDeadLetterTopicAndKeepsGoing() {
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), orgId, Map.of(), "{not json".getBytes(StandardCharsets.UTF_8));
        String email = "after-dlt-" + UUID.randomUUID() + "@acme.com";
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), orgId, Map.of(), ("{\"orgId\":\"" + orgId + "\",\"email\":\""
                + email + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(kafka.await(com.superkabe.events.Service.INGESTION.deadLetterTopic(), r -> new String(r.value(), StandardCharsets.UTF_8)
                .equals("{not json"), 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted a
                && a.email().equals(email), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void everyIntakeDecisionOfAnOrganizationReplaysFromTheIntakeChecksTopicToWhatWasPublished() {
        TestHttp.Response org = http.post("/admin/v1/organizations", "{\"name\":\"Replayed\"}", "X-Admin-Token",
                "test-admin");
        String replayOrg = org.json().get("orgId").asString();
        String key = org.json().get("apiKey").asString();
        String email = "ada-" + UUID.randomUUID() + "@acme.com";
        String leadId = TestHttp.until(() -> http.post("/api/v1/leads", lead(email), "X-Api-Key", key),
                x -> x.status() != 401, Duration.ofSeconds(20)).json().get("leadId").asString();
        http.post("/api/v1/leads", lead(email), "X-Api-Key", key); // a duplicate: nothing published
        http.post("/api/v1/leads", TestHttp.json(Map.of("email", email, "campaignId", "c-2")), "X-Api-Key", key);
        http.post("/api/v1/leads", lead("info@acme.com"), "X-Api-Key", key); // a role account: rejected
        http.post("/api/v1/leads", lead("slow-" + UUID.randomUUID() + "@slow.com"), "X-Api-Key", key); // YELLOW
        http.post("/api/v1/leads", lead("x-" + UUID.randomUUID() + "@nomx.com"), "X-Api-Key", key); // no MX: RED
        String viaTopic = "alan-" + UUID.randomUUID() + "@acme.io";
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), replayOrg, Map.of(), ("{\"orgId\":\"" + replayOrg
                + "\",\"email\":\"" + viaTopic + "\",\"campaignId\":\"c-1\"}").getBytes(StandardCharsets.UTF_8));
        kafka.publish(event(new com.superkabe.events.send.EmailSendFailed(replayOrg, "s-" + leadId, "r-" + leadId,
                "c-1", leadId, "mb-1", 0, email, "HARD_BOUNCE", 550, "5.1.1 user unknown", 3)));
        TestHttp.until(() -> http.get("/api/v1/leads/" + leadId, "X-Api-Key", key),
                x -> "BOUNCED".equals(x.json().get("status").asString()), Duration.ofSeconds(20));
        assertThat(http.post("/api/v1/leads", TestHttp.json(Map.of("email", email, "campaignId", "c-3")),
                "X-Api-Key", key).status()).as("suppressed").isEqualTo(400);

        // announced: the lead, its enrolment in c-2, the YELLOW lead, the topic's lead; rejected: role, no MX, suppressed
        List<Envelope> published = kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.orgId().equals(replayOrg), 7,
                Duration.ofSeconds(20));
        List<Envelope> inputs = kafka.awaitEvents(Topic.INTAKE_CHECKS.topicName(), e -> e.orgId().equals(replayOrg),
                Integer.MAX_VALUE, Duration.ofSeconds(3));
        List<Envelope> history = new java.util.ArrayList<>(inputs);
        history.addAll(published);
        IngestionReplay replay = IngestionReplay.replay(history);

        assertThat(published).hasSize(7);
        assertThat(inputs).as("every submission's answers, the duplicate's too").hasSize(8);
        assertThat(replay.divergences()).isEmpty();
        assertThat(replay.stateHashes()).isEqualTo(replay.publishedHashes()).hasSize(5);
        if (Boolean.getBoolean("ingestion.history.write")) {
            com.superkabe.ingestion.replay.IntakeHistoryFiles.write("mixed-intake", history);
        }
    }

    private static Envelope event(com.superkabe.events.SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", java.time.Instant.now(), payload.orgId(), null, id, -1,
                payload);
    }

    private static void awaitStatus(String leadId, String status) {
        TestHttp.Response r = TestHttp.until(() -> http.get("/api/v1/leads/" + leadId, "X-Api-Key", apiKey),
                x -> status.equals(x.json().get("status").asString()), Duration.ofSeconds(20));
        assertThat(r.json().get("status").asString()).isEqualTo(status);
    }

    private static HttpResponse<String> postRaw(String path, String contentType, byte[] body) throws Exception {
        authed(() -> http.get("/api/v1/settings/lead-health", "X-Api-Key", apiKey));
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + app.getEnvironment().getProperty("local.server.port") + path))
                .header("Content-Type", contentType).header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(req, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String lead(String email) {
        return TestHttp.json(Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace", "campaignId", "c-1"));
    }
}
