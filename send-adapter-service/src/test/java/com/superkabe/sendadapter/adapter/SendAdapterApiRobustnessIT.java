package com.superkabe.sendadapter.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.ApiProbe;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sendadapter.SendAdapterApplication;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Mailbox registrations whose every field passes its own annotation but whose stored form did not
 * fit its column (a 500 from the database): a value the API allows is stored, one it does not is a
 * 400 problem naming the field.
 */
class SendAdapterApiRobustnessIT {

    private static final String ORG = "org-" + UUID.randomUUID();
    private static final String KEY = "sk_" + UUID.randomUUID();
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static ApiProbe probe;

    @BeforeAll
    static void start() {
        app = SendAdapterApplication.builder().run(TestInfra.args());
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        probe = ApiProbe.of(app);
        kafka.publish(SmtpMailboxFixture.origin(new OrganizationRegistered(ORG, "Robust", ApiKeys.sha256(KEY))));
        TestHttp http = TestHttp.of(app);
        TestHttp.until(() -> http.get("/api/v1/mailboxes", "X-Api-Key", KEY), r -> r.status() == 200,
                Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
    }

    @Test
    void aGmailClientIdOf200CharactersIsRegisteredNotFailedByItsColumn() {
        ApiProbe.Answer a = register("long-client@robust.test", "c".repeat(200));

        assertThat(a.status()).as("a 200-character Gmail clientId (the API allows 256): %s", a.body()).isEqualTo(201);
    }

    @Test
    void aGmailClientIdOf256CharactersIsKeptAndItsReplacementTooWhenTheCredentialsChange() {
        ApiProbe.Answer created = register("full-client@robust.test", "c".repeat(256));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String mailboxId = created.json().get("mailboxId").asString();

        ApiProbe.Answer changed = probe.json("PUT", "/api/v1/mailboxes/" + mailboxId + "/credentials",
                TestHttp.json(Map.of("gmail", gmail("d".repeat(256)))), "X-Api-Key", KEY);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("gmail").get("clientId").asString()).isEqualTo("d".repeat(256));
    }

    @Test
    void aGmailClientIdPastTheApisLimitIsRefusedNamingIt() {
        ApiProbe.assertProblem(register("too-long-client@robust.test", "c".repeat(257)), "gmail.clientId",
                "a 257-character Gmail clientId");
    }

    @Test
    void anAddressWhoseDomainIsLongerThan253CharactersIsRefusedNamingIt() {
        String domain = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61)) + ".io";
        ApiProbe.Answer a = register("x@" + domain, "client-1");

        ApiProbe.assertProblem(a, "address", "a 255-character domain");
    }

    @Test
    void anAddressWhoseKeyGrowsPast320CharactersIsRefusedNamingIt() {
        String domain = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(58)) + ".io";
        ApiProbe.Answer a = register("\u0130".repeat(64) + "@" + domain, "client-1");

        ApiProbe.assertProblem(a, "address", "a local part that lower-cases to twice its length");
    }

    private static ApiProbe.Answer register(String address, String clientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", address);
        body.put("provider", "GMAIL");
        body.put("dailyLimit", 5);
        body.put("gmail", gmail(clientId));
        return probe.json("POST", "/api/v1/mailboxes", TestHttp.json(body), "X-Api-Key", KEY);
    }

    private static Map<String, Object> gmail(String clientId) {
        Map<String, Object> gmail = new LinkedHashMap<>();
        gmail.put("clientId", clientId);
        gmail.put("clientSecret", "GOCSPX-s3cret");
        gmail.put("refreshToken", "1//refresh");
        return gmail;
    }
}
