package com.superkabe.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Service;
import com.superkabe.events.Topic;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.dns.TestDnsServer;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
 * The intake topic's failure paths on the real broker and database (ADR 0012): a record the
 * database refuses is dead-lettered inside the poll's Kafka transaction while the rest of the poll
 * is decided; a database outage is waited out — nothing dead-lettered, nothing lost, nothing twice.
 */
class IntakeTopicFaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ConfigurableApplicationContext app;
    private static KafkaProbe kafka;
    private static String orgId;
    private static final TestDnsServer DNS = new TestDnsServer().mx("acme.com", 10, "mx.acme.com");

    @BeforeAll
    static void start() {
        app = IngestionApplication.builder().run(TestInfra.args("--superkabe.admin-token=faults-admin",
                "--superkabe.ingestion.mx.dns-server=" + DNS.address()));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        TestHttp.Response org = TestHttp.of(app).post("/admin/v1/organizations", "{\"name\":\"Faults\"}",
                "X-Admin-Token", "faults-admin");
        assertThat(org.status()).isEqualTo(201);
        orgId = org.json().get("orgId").asString();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        app.close();
    }

    @Test
    void aLeadTheDatabaseRefusesIsDeadLetteredOnceWithItsCauseAndTheRestOfThePollIsKept() {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        String tag = "poison-" + UUID.randomUUID();
        jdbc.sql("ALTER TABLE lead ADD CONSTRAINT it_refuses_poison CHECK (company IS DISTINCT FROM '" + tag
                + "') NOT VALID").update();
        try {
            String before = "before-" + UUID.randomUUID() + "@acme.com";
            String poisoned = "poisoned-" + UUID.randomUUID() + "@acme.com";
            String after = "after-" + UUID.randomUUID() + "@acme.com";
            publish(before, "Acme");
            publish(poisoned, tag);
            publish(after, "Acme");

            assertThat(kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted a
                    && (a.email().equals(before) || a.email().equals(after)), 2, WAIT)).hasSize(2);
            var dead = kafka.await(Service.INGESTION.deadLetterTopic(), r -> utf8(r.value()).contains(poisoned), 2,
                    Duration.ofSeconds(5));
            assertThat(dead).singleElement().satisfies(r -> assertThat(header(r, "kafka_dlt-exception-message"))
                    .contains("it_refuses_poison"));
            assertThat(kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted a
                    && a.email().equals(poisoned), 1, Duration.ofSeconds(2))).isEmpty();
        } finally {
            jdbc.sql("ALTER TABLE lead DROP CONSTRAINT it_refuses_poison").update();
        }
    }

    @Test
    void aDatabaseOutageIsWaitedOutAndTheLeadIsDecidedExactlyOnceAfterwards() throws Exception {
        String email = "outage-" + UUID.randomUUID() + "@acme.com";
        // from another database of the server: a database cannot refuse connections to itself
        try (Connection admin = DriverManager.getConnection(TestInfra.postgres().getJdbcUrl("postgres", "template1"),
                "postgres", "postgres"); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS false");
            try {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres'");
                publish(email, "Acme");

                assertThat(kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted a
                        && a.email().equals(email), 1, Duration.ofSeconds(6))).isEmpty();
            } finally {
                s.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS true");
            }
        }

        assertThat(kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted a
                && a.email().equals(email), 1, Duration.ofSeconds(60))).hasSize(1);
        assertThat(kafka.awaitEvents(Topic.LEADS.topicName(), e -> e.payload() instanceof LeadAccepted a
                && a.email().equals(email), 2, Duration.ofSeconds(3))).hasSize(1);
        assertThat(kafka.await(Service.INGESTION.deadLetterTopic(), r -> utf8(r.value()).contains(email), 1,
                Duration.ofSeconds(2))).isEmpty();
    }

    private static void publish(String email, String company) {
        kafka.publishRaw(Topic.LEAD_INTAKE.topicName(), orgId, Map.of(), ("{\"orgId\":\"" + orgId + "\",\"email\":\""
                + email + "\",\"company\":\"" + company + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : utf8(h.value());
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
