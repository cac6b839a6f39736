package com.superkabe.kit.outbox;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Header maps stored as JSON text in the inbox and outbox tables. */
public final class JsonHeaders {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private JsonHeaders() {
    }

    public static String write(Map<String, String> headers) {
        return JSON.writeValueAsString(headers);
    }

    public static Map<String, String> read(String json) {
        return JSON.readValue(json, MAP);
    }
}
