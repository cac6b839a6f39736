package com.superkabe.cli;

import com.superkabe.events.Envelope;
import com.superkabe.events.Topic;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code timeline mailbox|domain|lead|run|campaign ID}: every event about one entity, in order. */
@Command(name = "timeline", sortOptions = false,
        description = {"Every event about one mailbox, domain, lead, run or campaign, in order.", "",
            "Reads every topic of the catalogue, keeps the events that name the entity (in any field), merges them in "
            + "order and prints each with its state, trigger, reason and actor: the answer to 'why was this mailbox "
            + "paused' on one screen. The summary goes to stdout (stderr with --json).", "",
            "Example: ./superkabe timeline mailbox mb-42 --from 2026-12-01T00:00:00Z"})
public final class TimelineCommand extends TopicCommand {

    /** The kinds of entity, and the payload field that names one. */
    enum Kind {
        MAILBOX("mailboxId"), DOMAIN("domain"), LEAD("leadId"), RUN("runId"), CAMPAIGN("campaignId");

        final String field;

        Kind(String field) {
            this.field = field;
        }
    }


    @Parameters(index = "0", paramLabel = "KIND", description = "mailbox, domain, lead, run or campaign.",
            converter = KindConverter.class)
    Kind kind;
    @Parameters(index = "1", paramLabel = "ID", description = "The entity's id (a domain's name for domain).")
    String id;
    @Option(names = "--from", paramLabel = "T", description = "Only events at or after T: an RFC 3339 instant or a logical tick.")
    String from;
    @Option(names = "--to", paramLabel = "T", description = "Only events at or before T: an RFC 3339 instant or a logical tick.")
    String to;
    @Option(names = "--json", description = "One JSON object per event (the whole payload included) instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        TimeRange range = new TimeRange(from, to);
        PrintWriter out = out();
        List<String> topics = Arrays.stream(Topic.values()).map(Topic::topicName).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        int[] undecodable = {0};
        long records = history().stream(topics, true, r -> {
            if (r.envelope() == null) {
                undecodable[0]++;
                return;
            }
            Envelope e = r.envelope();
            JsonNode payload = Json.wire(e.payload());
            if (range.contains(e) && mentions(payload, kind.field, id)) {
                rows.add(row(r, e, payload));
            }
        });
        if (json) {
            rows.forEach(row -> out.println(Json.line(row)));
        } else {
            print(out, rows);
        }
        String summary = rows.size() + " events about " + kind.name().toLowerCase(Locale.ROOT) + " " + id + " in "
                + records + " records of " + topics.size() + " topics" + (undecodable[0] > 0 ? " (" + undecodable[0]
                + " undecodable records skipped)" : "");
        printSummary(json, summary);
        return rows.isEmpty() ? ExitCodes.NOT_FOUND : ExitCodes.OK;
    }

    /** True when any field of that name, at any depth, holds the id (domains compare case-insensitively). */
    static boolean mentions(JsonNode node, String field, String id) {
        if (node.isObject()) {
            JsonNode v = node.get(field);
            if (v != null && v.isString() && (field.equals("domain") ? v.asString().equalsIgnoreCase(id)
                    : v.asString().equals(id))) {
                return true;
            }
            for (JsonNode child : node.values()) {
                if (mentions(child, field, id)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node.values()) {
                if (mentions(child, field, id)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, Object> row(Recorded r, Envelope e, JsonNode payload) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", e.time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        row.put("tick", e.logicalTime());
        row.put("topic", r.topic());
        row.put("position", r.position());
        row.put("type", e.type().wireName());
        row.put("id", e.id());
        row.put("causationId", e.causationId());
        row.put("from", text(payload, "from"));
        row.put("state", first(payload, "to", "status", "state", "newStatus"));
        row.put("trigger", first(payload, "trigger", "failureClass", "cause"));
        row.put("reason", first(payload, "reason", "reasons", "diagnostic", "detail"));
        row.put("actor", first(payload, "actor", "requestedBy"));
        row.put("source", e.source());
        row.put("payload", payload);
        return row;
    }

    private static String first(JsonNode payload, String... fields) {
        for (String f : fields) {
            String v = text(payload, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode v = payload.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asString() : v.toString();
    }

    private static void print(PrintWriter out, List<Map<String, Object>> rows) {
        out.printf("%-24s %6s  %-34s %-22s %-20s %-16s %s%n", "TIME", "TICK", "EVENT", "STATE", "TRIGGER", "ACTOR",
                "REASON");
        for (Map<String, Object> r : rows) {
            String type = ((String) r.get("type")).replaceFirst("^superkabe\\.", "").replaceFirst("\\.v\\d+$", "");
            String state = r.get("state") == null ? "" : (r.get("from") == null ? "" : r.get("from") + " -> ")
                    + r.get("state");
            out.printf("%-24s %6s  %-34s %-22s %-20s %-16s %s%n", r.get("time"), r.get("tick"), type, state,
                    nz(r.get("trigger")), r.get("actor") != null ? r.get("actor") : r.get("source"),
                    nz(r.get("reason")));
        }
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            try {
                return Kind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a kind of entity: use mailbox, domain, lead, run or campaign");
            }
        }
    }
}
