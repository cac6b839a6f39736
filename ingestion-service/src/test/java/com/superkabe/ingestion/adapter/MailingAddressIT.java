package com.superkabe.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.Topic;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The organization's mailing address over REST, on a real broker and database. */
class MailingAddressIT {

    private static final String PATH = "/api/v1/organization/mailing-address";

    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = IngestionApplication.builder().run(TestInfra.args("--superkabe.admin-token=test-admin"));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        http = TestHttp.of(app);
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
    }

    @Test
    void storesTheAddressAnswersItAndAnnouncesEachChangeOnce() throws Exception {
        Org org = register("Acme");
        String first = "Acme Inc.\r\n1 Main Street\nSpringfield, IL 62701";

        HttpResponse<String> set = put(org.apiKey(), TestHttp.json(Map.of("mailingAddress", "  " + first + "\n")));
        put(org.apiKey(), TestHttp.json(Map.of("mailingAddress", first)));
        put(org.apiKey(), TestHttp.json(Map.of("mailingAddress", "Acme Inc., 2 Elm Road, Springfield")));

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(http.get(PATH, "X-Api-Key", org.apiKey()).json().get("mailingAddress").asString())
                .isEqualTo("Acme Inc., 2 Elm Road, Springfield");
        List<Envelope> events = kafka.awaitEvents(Topic.ORGANIZATIONS.topicName(),
                e -> e.payload() instanceof OrganizationMailingAddressSet s && s.orgId().equals(org.id()), 2,
                Duration.ofSeconds(15));
        assertThat(events).extracting(e -> e.payloadAs(OrganizationMailingAddressSet.class).mailingAddress())
                .containsExactly("Acme Inc.\n1 Main Street\nSpringfield, IL 62701", "Acme Inc., 2 Elm Road, Springfield");
    }

    @Test
    void refusesABlankShortOrControlCharacterAddressWithAProblemNamingTheField() throws Exception {
        Org org = register("Bad Input Co");

        List<String> bodies = List.of("{}", "{\"mailingAddress\":null}", "{\"mailingAddress\":42}",
                "{\"mailingAddress\":\"   \\n\\t  \"}", "{\"mailingAddress\":\"1 Main\"}",
                "{\"mailingAddress\":\"1 Main Street\\u0000Springfield\"}",
                "{\"mailingAddress\":\"1 Main Street\\rBcc: x@evil.test\"}",
                TestHttp.json(Map.of("mailingAddress", "x".repeat(501))));

        for (String body : bodies) {
            HttpResponse<String> r = put(org.apiKey(), body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("application/problem+json");
            var problem = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body());
            assertThat(problem.get("errors").get(0).get("field").asString()).as(body).isEqualTo("mailingAddress");
        }
        assertThat(http.get(PATH, "X-Api-Key", org.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationCannotReadTheAddress() throws Exception {
        Org owner = register("Owner");
        Org other = register("Other");
        assertThat(put(owner.apiKey(), "{\"mailingAddress\":\"Owner Ltd, 5 Quay Street, Dublin\"}").statusCode())
                .isEqualTo(200);

        TestHttp.Response seen = http.get(PATH, "X-Api-Key", other.apiKey());

        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.body()).doesNotContain("Quay");
        assertThat(http.get(PATH, "X-Api-Key", "sk_nope").status()).isEqualTo(401);
    }

    private record Org(String id, String apiKey) {
    }

    private static Org register(String name) {
        TestHttp.Response r = http.post("/admin/v1/organizations", TestHttp.json(Map.of("name", name)),
                "X-Admin-Token", "test-admin");
        assertThat(r.status()).isEqualTo(201);
        Org org = new Org(r.json().get("orgId").asString(), r.json().get("apiKey").asString());
        TestHttp.until(() -> http.get(PATH, "X-Api-Key", org.apiKey()), x -> x.status() != 401, Duration.ofSeconds(20));
        return org;
    }

    private static HttpResponse<String> put(String apiKey, String json) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + app.getEnvironment().getProperty("local.server.port") + PATH))
                .header("Content-Type", "application/json").header("X-Api-Key", apiKey)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(req, HttpResponse.BodyHandlers.ofString());
        }
    }
}
