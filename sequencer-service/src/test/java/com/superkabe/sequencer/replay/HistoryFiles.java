package com.superkabe.sequencer.replay;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.run.RunEvent;
import com.superkabe.sequencer.application.CampaignDef;
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

    static void write(String name, List<CampaignDef> campaigns, List<Envelope> inputs) throws IOException {
        StringBuilder out = new StringBuilder();
        for (CampaignDef c : campaigns) {
            ObjectNode line = JSON.createObjectNode();
            line.put("type", "campaign");
            line.set("campaign", JSON.valueToTree(Map.of("orgId", c.orgId(), "campaignId", c.campaignId(),
                    "mailboxIds", c.mailboxIds(), "steps", c.steps().stream().map(s -> Map.of("subject", s.subject(),
                            "body", s.body(), "delayTicks", s.delayTicks())).toList(),
                    "reassignAfterTicks", c.rules().reassignAfterTicks(), "sendGapMinutes", c.rules().sendGapMinutes())));
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

    private static CampaignDef campaign(JsonNode c) {
        List<StepTemplate> steps = new ArrayList<>();
        c.get("steps").forEach(s -> steps.add(new StepTemplate(s.get("subject").asString(), s.get("body").asString(),
                s.get("delayTicks").asLong())));
        List<String> mailboxes = new ArrayList<>();
        c.get("mailboxIds").forEach(m -> mailboxes.add(m.asString()));
        return new CampaignDef(c.get("orgId").asString(), c.get("campaignId").asString(), c.get("campaignId").asString(),
                "ACTIVE", mailboxes, steps, new CampaignRules(SendWindow.ALWAYS, null, Map.of(),
                c.get("sendGapMinutes").asInt(), c.get("reassignAfterTicks").asLong(), false));
    }
}
