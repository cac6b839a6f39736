package com.superkabe.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.superkabe.events.EventCodec;
import com.superkabe.events.SuperkabeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One JSON mapper for output lines; payloads are read back through the codec's own wire form. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.ALWAYS)).build();
    private static final EventCodec CODEC = new EventCodec();

    private Json() {
    }

    static String line(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** The payload exactly as it is on the wire. */
    static JsonNode wire(SuperkabeEvent payload) {
        return MAPPER.readTree(CODEC.toJson(payload));
    }
}
