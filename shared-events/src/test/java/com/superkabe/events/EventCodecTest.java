package com.superkabe.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.events.lead.LeadSubmitted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void roundTripsAnEnvelopeThroughCloudEventsHeaders() {
        Envelope original = new Envelope("id-1", EventType.RUN_COMPLETED, "sequencer-service",
                Instant.parse("2026-01-01T00:00:00Z"), "org-1", "cause-1", "corr-1", 12,
                Samples.of(EventType.RUN_COMPLETED));
        WireRecord wire = codec.encode(original);

        assertThat(wire.topic()).isEqualTo("superkabe.runs");
        assertThat(wire.key()).isEqualTo("run-1");
        assertThat(wire.headers()).containsEntry("ce_type", "superkabe.run.completed.v1")
                .containsEntry("ce_specversion", "1.0").containsEntry("ce_subject", "run-1")
                .containsEntry("logicaltime", "12").containsEntry("orgid", "org-1");
        assertThat(codec.decode(wire)).isEqualTo(original);
    }

    @Test
    void acceptsAHeaderlessLeadOnTheIntakeTopicWithAPositionDerivedId() {
        byte[] json = "{\"orgId\":\"org-1\",\"email\":\"ada@example.com\"}".getBytes(StandardCharsets.UTF_8);
        EventCodec.Origin origin = new EventCodec.Origin("superkabe.lead-intake", 2, 41, 1_000);

        Envelope first = codec.decode(origin, Map.of(), json);
        Envelope again = codec.decode(origin, Map.of(), json);

        assertThat(first.payload()).isEqualTo(new LeadSubmitted("org-1", "ada@example.com", null, null, null, null, null));
        assertThat(first.id()).isEqualTo(again.id());
        assertThat(first.time()).isEqualTo(Instant.ofEpochMilli(1_000));
    }

    @Test
    void namespacesUserChosenIntakeIdsByOrganizationSoTenantsCannotCollide() {
        EventCodec.Origin origin = new EventCodec.Origin("superkabe.lead-intake", 0, 1, 1_000);
        Envelope a = codec.decode(origin, Map.of("ce_id", "1"), "{\"orgId\":\"org-a\",\"email\":\"x@a.com\"}".getBytes());
        Envelope b = codec.decode(origin, Map.of("ce_id", "1"), "{\"orgId\":\"org-b\",\"email\":\"x@b.com\"}".getBytes());

        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void rejectsARecordWithoutTypeOutsideTheIntakeTopic() {
        assertThatThrownBy(() -> codec.decode(new EventCodec.Origin("superkabe.runs", 0, 0, 0), Map.of(), "{}".getBytes()))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("ce_type");
    }

    @Test
    void rejectsAPayloadThatViolatesTheRecordsInvariantsNamingTheField() {
        Map<String, String> headers = new HashMap<>(codec.encode(new Envelope("id-1", EventType.RUN_COMPLETED,
                "x", Instant.EPOCH, "org-1", null, null, 1, Samples.of(EventType.RUN_COMPLETED))).headers());
        assertThatThrownBy(() -> codec.decode(new EventCodec.Origin("superkabe.runs", 0, 0, 0), headers,
                "{\"orgId\":\"org-1\",\"tick\":3}".getBytes()))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("runId");
    }

    @Test
    void rejectsAnEventTypeOnAForeignTopic() {
        WireRecord wire = codec.encode(new Envelope("id-1", EventType.RUN_COMPLETED, "x", Instant.EPOCH, "org-1",
                null, null, 1, Samples.of(EventType.RUN_COMPLETED)));
        assertThatThrownBy(() -> codec.decode(new EventCodec.Origin("superkabe.leads", 0, 0, 0), wire.headers(), wire.value()))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("does not belong");
    }

    @Test
    void derivesTheSameIdForTheSameCauseAndIndex() {
        assertThat(EventIds.derive("cause", 0)).isEqualTo(EventIds.derive("cause", 0))
                .isNotEqualTo(EventIds.derive("cause", 1));
    }

    @org.junit.jupiter.api.Test
    void decodesACampaignCreatedPublishedBeforeItCarriedTheDefinitionAsOneWithout() {
        byte[] old = ("{\"orgId\":\"org-1\",\"campaignId\":\"c-1\",\"name\":\"Q4\",\"status\":\"ACTIVE\","
                + "\"stepCount\":2,\"mailboxIds\":[\"mb-1\"]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var decoded = new EventCodec().fromJson(old, com.superkabe.events.campaign.CampaignCreated.class);

        org.assertj.core.api.Assertions.assertThat(decoded.hasDefinition()).isFalse();
        org.assertj.core.api.Assertions.assertThat(decoded.mailboxIds()).containsExactly("mb-1");
    }
}
