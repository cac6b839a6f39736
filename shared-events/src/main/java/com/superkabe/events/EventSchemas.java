package com.superkabe.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schema (draft 2020-12) for each public event type, derived from its record so schema and
 * code cannot drift. The published copies under {@code schemas/} are checked against this in tests.
 */
public final class EventSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventSchemas() {
    }

    public static String schemaJson(EventType type) {
        ObjectNode root = objectSchema(type.recordType());
        ObjectNode withHeader = JSON.createObjectNode();
        withHeader.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        withHeader.put("$id", "https://superkabe.dev/schemas/" + type.wireName() + ".json");
        withHeader.put("title", type.wireName());
        withHeader.put("description", "Payload of ce_type " + type.wireName() + " on topic "
                + type.topic().topicName() + " (keyed by " + type.topic().keyedBy() + ")");
        withHeader.setAll(root);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(withHeader) + "\n";
    }

    private static ObjectNode objectSchema(Class<?> recordType) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "object");
        ObjectNode props = node.putObject("properties");
        for (RecordComponent c : recordType.getRecordComponents()) {
            props.set(c.getName(), schemaOf(c.getGenericType()));
        }
        return node;
    }

    private static ObjectNode schemaOf(Type type) {
        ObjectNode node = JSON.createObjectNode();
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            node.put("type", "array");
            node.set("items", schemaOf(p.getActualTypeArguments()[0]));
        } else if (type == String.class) {
            node.put("type", "string");
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            node.put("type", "integer");
        } else if (type == double.class || type == Double.class) {
            node.put("type", "number");
        } else if (type instanceof Class<?> e && e.isEnum()) {
            node.put("type", "string");
            var values = node.putArray("enum");
            for (Object constant : e.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (type == boolean.class || type == Boolean.class) {
            node.put("type", "boolean");
        } else if (type == Instant.class) {
            node.put("type", "string");
            node.put("format", "date-time");
        } else if (type instanceof Class<?> c && c.isRecord()) {
            return objectSchema(c);
        } else {
            throw new IllegalStateException("No schema mapping for " + type);
        }
        return node;
    }
}
