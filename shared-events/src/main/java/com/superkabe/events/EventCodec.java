package com.superkabe.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns envelopes into wire records and back: JSON payload, CloudEvents binary-mode headers.
 * Decoding never lets a bad record through half-read: it returns an envelope or throws
 * {@link UndecodableEventException} naming what was wrong.
 */
public final class EventCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Where a record was read from; used to derive ids for records published without {@code ce_id}. */
    public record Origin(String topic, int partition, long offset, long timestampMillis) {
    }

    public WireRecord encode(Envelope e) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(Headers.SPEC_VERSION, "1.0");
        h.put(Headers.ID, e.id());
        h.put(Headers.TYPE, e.type().wireName());
        h.put(Headers.SOURCE, e.source());
        h.put(Headers.SUBJECT, e.subject());
        h.put(Headers.TIME, e.time().toString());
        h.put(Headers.CONTENT_TYPE, "application/json");
        h.put(Headers.ORG_ID, e.orgId());
        if (e.causationId() != null) {
            h.put(Headers.CAUSATION_ID, e.causationId());
        }
        if (e.correlationId() != null) {
            h.put(Headers.CORRELATION_ID, e.correlationId());
        }
        h.put(Headers.LOGICAL_TIME, Long.toString(e.logicalTime()));
        return new WireRecord(e.topic().topicName(), e.key(), h, toJson(e.payload()));
    }

    public byte[] toJson(SuperkabeEvent payload) {
        return JSON.writeValueAsBytes(payload);
    }

    public <T extends SuperkabeEvent> T fromJson(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException ex) {
            throw new UndecodableEventException("Invalid " + type.getSimpleName() + " payload: "
                    + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * Decodes a record. On the public intake topic, headers are optional: a record without
     * {@code ce_type} is a lead submission and one without {@code ce_id} gets an id derived from
     * its position, so replays of the topic give the same ids.
     */
    public Envelope decode(Origin origin, Map<String, String> headers, byte[] value) {
        if (value == null || value.length == 0) {
            throw new UndecodableEventException("Empty record value");
        }
        boolean intake = Topic.LEAD_INTAKE.topicName().equals(origin.topic());
        String typeName = headers.get(Headers.TYPE);
        if (typeName == null) {
            if (!intake) {
                throw new UndecodableEventException("Missing header " + Headers.TYPE);
            }
            typeName = EventType.LEAD_SUBMITTED.wireName();
        }
        EventType type = EventType.ofWireName(typeName);
        if (!type.topic().topicName().equals(origin.topic())) {
            throw new UndecodableEventException(typeName + " does not belong on topic " + origin.topic());
        }
        SuperkabeEvent payload = fromJson(value, type.recordType());
        String id = headers.get(Headers.ID);
        if (intake) {
            // users choose their own ce_id values, so they are namespaced by organization; a record
            // without one is named by its position and timestamp, stable across replays of the same
            // record but not reused if the topic is ever recreated
            id = id != null ? EventIds.derive("intake/" + payload.orgId() + "/" + id)
                    : EventIds.derive(origin.topic() + "/" + origin.partition() + "/" + origin.offset() + "@"
                    + origin.timestampMillis());
        }
        if (id == null) {
            throw new UndecodableEventException("Missing header " + Headers.ID);
        }
        String source = headers.getOrDefault(Headers.SOURCE, Service.EXTERNAL.id());
        String orgId = headers.getOrDefault(Headers.ORG_ID, payload.orgId());
        return new Envelope(id, type, source, time(headers.get(Headers.TIME), origin), orgId,
                headers.get(Headers.CAUSATION_ID), headers.getOrDefault(Headers.CORRELATION_ID, id),
                logicalTime(headers.get(Headers.LOGICAL_TIME)), payload);
    }

    public Envelope decode(WireRecord record) {
        return decode(new Origin(record.topic(), 0, 0, 0), record.headers(), record.value());
    }

    public static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Instant time(String value, Origin origin) {
        if (value == null) {
            return Instant.ofEpochMilli(origin.timestampMillis());
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException ex) {
            throw new UndecodableEventException("Header " + Headers.TIME + " is not an RFC 3339 instant: " + value, ex);
        }
    }

    private static long logicalTime(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException ex) {
            throw new UndecodableEventException("Header " + Headers.LOGICAL_TIME + " is not a number: " + value, ex);
        }
    }
}
