package com.superkabe.ingestion.replay;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recorded intake history: {@code src/test/resources/histories/ingestion/<name>.jsonl}, one topic record a
 * line ({@code topic}, {@code id}, {@code type}: the wire name, {@code payload}: the event), as the
 * intake-checks and leads topics held them for one organization.
 */
public final class IntakeHistoryFiles {

    static final Path DIR = Path.of("src/test/resources/histories/ingestion");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec();

    private IntakeHistoryFiles() {
    }

    public static List<Envelope> read(String name) throws IOException {
        List<Envelope> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve(name + ".jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(envelope(JSON.readTree(line)));
            }
        }
        return out;
    }

    static Envelope envelope(JsonNode node) {
        EventType t = EventType.ofWireName(node.get("type").asString());
        SuperkabeEvent payload = CODEC.fromJson(JSON.writeValueAsBytes(node.get("payload")), t.recordType());
        String id = node.get("id").asString();
        return new Envelope(id, t, "history", Instant.EPOCH, payload.orgId(), null, id, -1, payload);
    }

    /** One record as a line: what {@link #read} reads back. */
    static String line(Envelope e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("topic", e.type().topic().topicName());
        node.put("id", e.id());
        node.put("type", e.type().wireName());
        node.set("payload", JSON.readTree(CODEC.toJson(e.payload())));
        return JSON.writeValueAsString(node);
    }

    public static void write(String name, List<Envelope> history) {
        try {
            Files.createDirectories(DIR);
            Files.write(DIR.resolve(name + ".jsonl"), history.stream().map(IntakeHistoryFiles::line).toList(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
