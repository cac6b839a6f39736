package com.superkabe.gate.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.Topic;
import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.gate.GateApplication;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The gate on a real broker and a real database. */
class GateServiceIT {

    private static ConfigurableApplicationContext gate;
    private static KafkaProbe kafka;

    @BeforeAll
    static void start() {
        gate = GateApplication.builder().run(TestInfra.args());
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        gate.close();
    }

    @Test
    void allowsALeadIntoAnActiveCampaignOnceEvenWhenTheLeadEventArrivesTwice() {
        String campaign = id("c");
        String lead = id("lead");
        kafka.publish(origin(new CampaignCreated("org-1", campaign, "Q4", "ACTIVE", 2, List.of("mb-1"))));
        Envelope accepted = origin(accepted(lead, campaign));
        kafka.publish(accepted);
        kafka.publish(accepted);

        // the two topics are consumed independently, so the lead may be held first: only "allowed once" is promised
        List<Envelope> decisions = kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(),
                e -> e.subject().equals(lead) && e.type() == EventType.LEAD_GATE_ALLOWED, 2, Duration.ofSeconds(8));

        assertThat(decisions).hasSize(1);
        assertThat(decisions.getFirst().payload()).isInstanceOfSatisfying(LeadGateAllowed.class, a -> {
            assertThat(a.campaignId()).isEqualTo(campaign);
            assertThat(a.lead().email()).isEqualTo("ada@example.com");
        });
    }

    @Test
    void holdsALeadForAnUnknownCampaignAndAllowsItWhenTheCampaignArrives() {
        String campaign = id("c");
        String lead = id("lead");
        kafka.publish(origin(accepted(lead, campaign)));
        List<Envelope> first = kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead), 1,
                Duration.ofSeconds(20));
        assertThat(first).singleElement().satisfies(e -> assertThat(e.payload())
                .isInstanceOfSatisfying(LeadGateBlocked.class, b -> {
                    assertThat(b.failureClass()).isEqualTo("SYNC_ISSUE");
                    assertThat(b.deferrable()).isTrue();
                }));

        kafka.publish(origin(new CampaignCreated("org-1", campaign, "late", "ACTIVE", 1, List.of("mb-1"))));

        List<Envelope> all = kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead), 2,
                Duration.ofSeconds(20));
        assertThat(all).extracting(Envelope::type).containsExactly(EventType.LEAD_GATE_BLOCKED,
                EventType.LEAD_GATE_ALLOWED);
    }

    @Test
    void sendsAnUndecodableRecordToTheDeadLetterTopicWithItsCauseAndKeepsConsuming() {
        String marker = id("poison");
        kafka.publishRaw(Topic.LEADS.topicName(), "org-1", Map.of("ce_type", "superkabe.lead.accepted.v1",
                "ce_id", marker), "{not json".getBytes(StandardCharsets.UTF_8));
        String campaign = id("c");
        String lead = id("lead");
        kafka.publish(origin(new CampaignCreated("org-1", campaign, "Q4", "ACTIVE", 1, List.of("mb-1"))));
        kafka.publish(origin(accepted(lead, campaign)));

        List<ConsumerRecord<String, byte[]>> dead = kafka.await("superkabe.dlt.gate-service",
                r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8).equals(marker), 1,
                Duration.ofSeconds(20));
        assertThat(dead).singleElement().satisfies(r -> assertThat(new String(
                r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("Invalid LeadAccepted payload"));
        assertThat(kafka.awaitEvents(Topic.GATE_DECISIONS.topicName(), e -> e.subject().equals(lead), 1,
                Duration.ofSeconds(20))).hasSize(1);
    }

    private static LeadAccepted accepted(String lead, String campaign) {
        return new LeadAccepted("org-1", lead, "ada@example.com", "Ada", "Lovelace", "AE", "CTO", campaign, "GREEN",
                100, "api");
    }

    private static Envelope origin(com.superkabe.events.SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
