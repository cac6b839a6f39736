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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The retry settings body, read as a tree: a field it does not have is a 400 naming it (issue #12, ADR 0045). */
class RetrySettingsStrictnessIT {

    private static final String ORG = "org-strict-" + UUID.randomUUID();
    private static final String KEY = "sk_test_" + UUID.randomUUID();
    private static final String PATH = "/api/v1/settings/send-retries";
    private static ConfigurableApplicationContext app;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = SequencerApplication.builder().run(TestInfra.args("--superkabe.clock.enabled=false"));
        try (KafkaProbe kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString())) {
            String id = UUID.randomUUID().toString();
            SuperkabeEvent org = new OrganizationRegistered(ORG, "Strict", ApiKeys.sha256(KEY));
            kafka.publish(new Envelope(id, EventType.of(org), "test", Instant.now(), ORG, null, id, -1, org));
        }
        http = TestHttp.of(app);
        TestHttp.until(() -> http.get(PATH, "X-Api-Key", KEY), r -> r.status() != 401, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aMisspeltSettingIsRefusedNamingItAndChangesNothing() {
        String before = http.get(PATH, "X-Api-Key", KEY).body();

        ApiProbe.Answer a = ApiProbe.of(app).json("PUT", PATH, "{\"baseTicks\":2,\"maxTicks\":60,\"giveUpTicks\":600,"
                + "\"jitterPercent\":10,\"jiterPercent\":50}", "X-Api-Key", KEY);

        ApiProbe.assertProblem(a, "jiterPercent", "a misspelt jitterPercent");
        assertThat(http.get(PATH, "X-Api-Key", KEY).body()).isEqualTo(before);
    }

    @Test
    void whatGetAnswersCanBePutBack() {
        String answered = http.get(PATH, "X-Api-Key", KEY).body();

        TestHttp.Response put = http.put(PATH, answered, "X-Api-Key", KEY);

        assertThat(put.status()).as(put.body()).isEqualTo(202);
        // applied when the sequencer reads it back; waited for, so the other test's before and after both
        // come after it whichever test runs first
        TestHttp.Response applied = TestHttp.until(() -> http.get(PATH, "X-Api-Key", KEY),
                r -> r.body().contains("\"source\":\"organization\""), Duration.ofSeconds(20));
        assertThat(applied.body()).contains("\"source\":\"organization\"");
    }
}
