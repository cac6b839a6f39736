package com.superkabe.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Service;
import com.superkabe.events.Topic;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.lead.LeadRejected;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.ingestion.domain.IntakeSignature;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.kit.testing.dns.TestDnsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers' intake producers bound to organizations (ADR 0043), on the real broker and database:
 * with {@code bound-producers} on, a record counts only when signed by a key of the organization it
 * names; any other is dead-lettered with the reason and never stored.
 */
class IntakeProducerBindingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TestDnsServer DNS = new TestDnsServer().mx("acme.com", 10, "mx.acme.com");
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static String acme;
    private static String globex;
    private static String producerId;
    private static String secret;
    private static String acmeKey;
    private static String globexKey;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = IngestionApplication.builder().run(TestInfra.args("--superkabe.admin-token=binding-admin",
                "--superkabe.ingestion.mx.dns-server=" + DNS.address(),
                "--superkabe.ingestion.intake.bound-producers=true"));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        http = TestHttp.of(app);
        TestHttp.Response a = http.post("/admin/v1/organizations", "{\"name\":\"Acme\"}", "X-Admin-Token", "binding-admin");
        TestHttp.Response g = http.post("/admin/v1/organizations", "{\"name\":\"Globex\"}", "X-Admin-Token", "binding-admin");
        acme = a.json().get("orgId").asString();
        globex = g.json().get("orgId").asString();
        acmeKey = a.json().get("apiKey").asString();
        globexKey = g.json().get("apiKey").asString();
        TestHttp.Response issued = TestHttp.until(() -> http.post("/api/v1/intake-producers", "", "X-Api-Key", acmeKey),
                x -> x.status() != 401, Duration.ofSeconds(20));
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("organizationId").asString()).isEqualTo(acme);
        producerId = issued.json().get("producerId").asString();
        secret = issued.json().get("secret").asString();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
    }

    @Test
    void aRecordSignedByTheOrganizationsOwnProducerKeyIsAccepted() {
        String email = "own-" + UUID.randomUUID() + "@acme.com";
        byte[] value = lead(acme, email);
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), acme, Map.of(IntakeSignature.PRODUCER_HEADER, producerId,
                IntakeSignature.SIGNATURE_HEADER, IntakeSignature.sign(secret, value)), value);

        assertThat(kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted l
                && l.email().equals(email) && l.orgId().equals(acme), 1, WAIT)).hasSize(1);
    }

    @Test
    void aRecordForAnotherOrganizationIsDeadLetteredWithTheReasonAndNeverStored() {
        String email = "foreign-" + UUID.randomUUID() + "@acme.com";
        byte[] value = lead(globex, email);
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), globex, Map.of(IntakeSignature.PRODUCER_HEADER, producerId,
                IntakeSignature.SIGNATURE_HEADER, IntakeSignature.sign(secret, value)), value);

        assertThat(deadLetterReason(email)).isEqualTo("producer '" + producerId + "' is bound to organization '"
                + acme + "', not to '" + globex + "'");
        assertNeitherAnnouncedNorStored(email);
    }

    @Test
    void anUnsignedRecordIsDeadLetteredWithTheReason() {
        String email = "unsigned-" + UUID.randomUUID() + "@acme.com";
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), acme, Map.of(), lead(acme, email));

        assertThat(deadLetterReason(email)).startsWith("unbound intake record");
        assertNeitherAnnouncedNorStored(email);
    }

    @Test
    void aRecordWhoseSignatureDoesNotCoverItsValueIsDeadLettered() {
        String email = "tampered-" + UUID.randomUUID() + "@acme.com";
        String signedForOther = IntakeSignature.sign(secret, lead(acme, "other@acme.com"));
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), acme, Map.of(IntakeSignature.PRODUCER_HEADER, producerId,
                IntakeSignature.SIGNATURE_HEADER, signedForOther), lead(acme, email));

        assertThat(deadLetterReason(email)).contains("does not match the record");
        assertNeitherAnnouncedNorStored(email);
    }

    @Test
    void anUnknownProducerIsDeadLettered() {
        String email = "stranger-" + UUID.randomUUID() + "@acme.com";
        byte[] value = lead(acme, email);
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), acme, Map.of(IntakeSignature.PRODUCER_HEADER, "ip_guessed",
                IntakeSignature.SIGNATURE_HEADER, IntakeSignature.sign("guessed", value)), value);

        assertThat(deadLetterReason(email)).isEqualTo("unknown intake producer 'ip_guessed'");
        assertNeitherAnnouncedNorStored(email);
    }

    @Test
    void anOrganizationListsItsKeysWithoutTheirSecretsAndAnotherOrganizationSeesNoneOfThem() {
        TestHttp.Response own = http.get("/api/v1/intake-producers", "X-Api-Key", acmeKey);
        TestHttp.Response other = TestHttp.until(() -> http.get("/api/v1/intake-producers", "X-Api-Key", globexKey),
                x -> x.status() != 401, Duration.ofSeconds(20));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().valueStream().map(k -> k.get("producerId").asString())).contains(producerId);
        assertThat(own.json().get(0).get("organizationId").asString()).isEqualTo(acme);
        assertThat(own.body()).doesNotContain(secret).doesNotContain("secret").doesNotContain("sealed");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).doesNotContain(producerId);
    }

    @Test
    void aRevokedKeysRecordsAreDeadLetteredWithTheReasonAndOnlyItsOrganizationCanRevokeIt() {
        TestHttp.Response issued = http.post("/api/v1/intake-producers", "", "X-Api-Key", acmeKey);
        String revokedId = issued.json().get("producerId").asString();
        String revokedSecret = issued.json().get("secret").asString();

        TestHttp.Response byOther = TestHttp.until(() -> delete("/api/v1/intake-producers/" + revokedId,
                "X-Api-Key", globexKey), x -> x.status() != 401, Duration.ofSeconds(20));
        TestHttp.Response unknown = delete("/api/v1/intake-producers/ip_none", "X-Api-Key", globexKey);
        TestHttp.Response revoked = delete("/api/v1/intake-producers/" + revokedId, "X-Api-Key", acmeKey);

        assertThat(byOther.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(byOther.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString()
                .replace("ip_none", revokedId));
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(http.get("/api/v1/intake-producers", "X-Api-Key", acmeKey).json().valueStream()
                .filter(k -> k.get("producerId").asString().equals(revokedId)).findFirst().orElseThrow()
                .get("revokedAt").isNull()).isFalse();
        String email = "revoked-" + UUID.randomUUID() + "@acme.com";
        byte[] value = lead(acme, email);
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), acme, Map.of(IntakeSignature.PRODUCER_HEADER, revokedId,
                IntakeSignature.SIGNATURE_HEADER, IntakeSignature.sign(revokedSecret, value)), value);

        assertThat(deadLetterReason(email)).startsWith("intake producer '" + revokedId + "' was revoked at ");
        assertNeitherAnnouncedNorStored(email);
    }

    private static TestHttp.Response delete(String path, String header, String value) {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                + app.getEnvironment().getProperty("local.server.port") + path)).header(header, value).DELETE().build();
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<String> r = client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new TestHttp.Response(r.statusCode(), r.body(), r.headers().map());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String deadLetterReason(String email) {
        var dead = kafka.await(Service.INGESTION.deadLetterTopic(), r -> utf8(r.value()).contains(email), 1, WAIT);
        assertThat(dead).as("dead letter for " + email).hasSize(1);
        return header(dead.getFirst(), "kafka_dlt-exception-message");
    }

    private static void assertNeitherAnnouncedNorStored(String email) {
        assertThat(kafka.awaitEvents(Topic.LEADS.topicName(), e -> (e.payload() instanceof LeadAccepted l
                && l.email().equals(email)) || (e.payload() instanceof LeadRejected r && email.equals(r.email())), 1,
                Duration.ofSeconds(2))).isEmpty();
        assertThat(app.getBean(JdbcClient.class).sql("SELECT count(*) FROM lead WHERE email = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    private static byte[] lead(String orgId, String email) {
        return ("{\"orgId\":\"" + orgId + "\",\"email\":\"" + email + "\",\"company\":\"Acme\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : utf8(h.value());
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
