package com.superkabe.sequencer.replay;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.run.RunEvent;
import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.CampaignWire;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recorded sequencer history on disk: {@code <name>.input.jsonl} holds the campaign definitions
 * ({@code "type":"campaign"}) and the ordered inputs ({@code "type"}: the wire name, {@code "payload"}: the
 * event), {@code <name>.expected.txt} every run event the sequencer decided, run by run, and every dispatch
 * decision, as wire JSON.
 */
final class HistoryFiles {

    static final Path DIR = Path.of("src/test/resources/histories");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec();

    record History(List<CampaignDef> campaigns, List<Envelope> inputs) {
    }

    private HistoryFiles() {
    }

    static History read(String name) throws IOException {
        List<CampaignDef> campaigns = new ArrayList<>();
        List<Envelope> inputs = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve(name + ".input.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            String type = node.get("type").asString();
            if (type.equals("campaign")) {
                campaigns.add(campaign(node.get("campaign")));
                continue;
            }
            EventType t = EventType.ofWireName(type);
            SuperkabeEvent payload = CODEC.fromJson(JSON.writeValueAsBytes(node.get("payload")), t.recordType());
            String id = name + "-" + inputs.size();
            inputs.add(new Envelope(id, t, "history", Instant.EPOCH, payload.orgId(), null, id, -1, payload));
        }
        return new History(campaigns, inputs);
    }

    /**
     * The history as the topics carry it (ADR 0039): each campaign's definition as a CampaignCreated
     * first, and each CampaignVersionPublished with the steps of its version, so no definition is given
     * to the replay apart from the inputs.
     */
    static List<Envelope> withCampaignEvents(History h) {
        List<Envelope> out = new ArrayList<>();
        Map<String, CampaignDef> byId = new java.util.HashMap<>();
        for (CampaignDef c : h.campaigns()) {
            byId.put(c.campaignId(), c);
            com.superkabe.events.campaign.CampaignCreated created = CampaignWire.created(c);
            String id = "created-" + c.campaignId();
            out.add(new Envelope(id, EventType.of(created), "history", Instant.EPOCH, c.orgId(), null, id, -1,
                    created));
        }
        for (Envelope e : h.inputs()) {
            if (e.payload() instanceof com.superkabe.events.campaign.CampaignVersionPublished v && v.steps() == null) {
                var full = new com.superkabe.events.campaign.CampaignVersionPublished(v.orgId(), v.campaignId(),
                        v.version(), v.stepCount(), v.actor(),
                        CampaignWire.steps(byId.get(v.campaignId()).stepsOf(v.version())));
                out.add(new Envelope(e.id(), e.type(), e.source(), e.time(), e.orgId(), e.causationId(),
                        e.correlationId(), e.logicalTime(), full));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    static void write(String name, List<CampaignDef> campaigns, List<Envelope> inputs) throws IOException {
        StringBuilder out = new StringBuilder();
        for (CampaignDef c : campaigns) {
            ObjectNode line = JSON.createObjectNode();
            line.put("type", "campaign");
            Map<String, Object> def = new java.util.LinkedHashMap<>(Map.of("orgId", c.orgId(),
                    "campaignId", c.campaignId(), "mailboxIds", c.mailboxIds(), "steps", steps(c.steps()),
                    "reassignAfterTicks", c.rules().reassignAfterTicks(), "sendGapMinutes", c.rules().sendGapMinutes()));
            if (!c.laterVersions().isEmpty()) {
                Map<String, Object> versions = new java.util.TreeMap<>();
                c.laterVersions().forEach((v, steps) -> versions.put(String.valueOf(v), steps(steps)));
                def.put("versions", versions);
            }
            if (!c.rules().policies().actions().isEmpty()) {
                Map<String, String> policies = new java.util.TreeMap<>();
                c.rules().policies().actions().forEach((p, a) -> policies.put(p.name(), a.name()));
                def.put("policies", policies);
            }
            line.set("campaign", JSON.valueToTree(def));
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        for (Envelope e : inputs) {
            ObjectNode line = JSON.createObjectNode();
            line.put("type", e.type().wireName());
            line.set("payload", JSON.readTree(CODEC.toJson(e.payload())));
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        Files.writeString(DIR.resolve(name + ".input.jsonl"), out.toString(), StandardCharsets.UTF_8);
    }

    /** The decisions as text: each run's events in decision order (runs by id), then the dispatch decisions. */
    static String decisions(Map<String, List<RunEvent>> byRun, List<SuperkabeEvent> dispatchDecisions) {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(byRun).forEach((run, events) -> events.forEach(e -> out.append(line(e))));
        dispatchDecisions.forEach(e -> out.append(line(e)));
        return out.toString();
    }

    private static String line(SuperkabeEvent e) {
        return EventType.of(e).wireName() + " " + new String(CODEC.toJson(e), StandardCharsets.UTF_8) + "\n";
    }

    private static List<Map<String, Object>> steps(List<StepTemplate> steps) {
        return steps.stream().map(s -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>(Map.of("subject", s.subject(), "body", s.body(),
                    "delayTicks", s.delayTicks()));
            if (s.condition() != null) {
                m.put("condition", s.condition().text());
            }
            return m;
        }).toList();
    }

    private static List<StepTemplate> steps(JsonNode node) {
        List<StepTemplate> steps = new ArrayList<>();
        node.forEach(s -> steps.add(new StepTemplate(s.get("subject").asString(), s.get("body").asString(),
                s.get("delayTicks").asLong(), List.of(), s.has("condition")
                ? com.superkabe.sequencer.domain.StepCondition.parse(s.get("condition").asString(), steps.size())
                : null)));
        return steps;
    }

    private static CampaignDef campaign(JsonNode c) {
        List<StepTemplate> steps = steps(c.get("steps"));
        List<String> mailboxes = new ArrayList<>();
        c.get("mailboxIds").forEach(m -> mailboxes.add(m.asString()));
        Map<Integer, List<StepTemplate>> versions = new java.util.TreeMap<>();
        if (c.has("versions")) {
            c.get("versions").properties().forEach(e -> versions.put(Integer.parseInt(e.getKey()), steps(e.getValue())));
        }
        Map<com.superkabe.events.run.SendPolicy, com.superkabe.events.run.PolicyAction> actions =
                new java.util.EnumMap<>(com.superkabe.events.run.SendPolicy.class);
        if (c.has("policies")) {
            c.get("policies").properties().forEach(e -> actions.put(com.superkabe.events.run.SendPolicy.valueOf(
                    e.getKey()), com.superkabe.events.run.PolicyAction.valueOf(e.getValue().asString())));
        }
        return new CampaignDef(c.get("orgId").asString(), c.get("campaignId").asString(), c.get("campaignId").asString(),
                "ACTIVE", mailboxes, steps, new CampaignRules(SendWindow.ALWAYS, null, Map.of(),
                c.get("sendGapMinutes").asInt(), c.get("reassignAfterTicks").asLong(), false,
                new com.superkabe.sequencer.domain.policy.PolicySettings(actions)), versions, 1);
    }
}
