package com.superkabe.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A dead-letter record read by the one header convention every service writes (spring-kafka's
 * recoverer, ADR 0034): original topic, partition, offset and the cause. Records written before
 * the convention was unified carry {@code superkabe_dlt_origin} / {@code superkabe_dlt_cause}.
 */
record DeadLetter(Recorded record, String originTopic, int originPartition, long originOffset, String cause,
                  String causeClass) {

    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
    static final String LEGACY_ORIGIN = "superkabe_dlt_origin";
    static final String LEGACY_CAUSE = "superkabe_dlt_cause";
    /** Set on a re-driven record: the dead-letter position it came from (the re-drive's idempotency key). */
    static final String REDRIVE_OF = "superkabe_redrive_of";

    static DeadLetter of(Recorded r) {
        Map<String, byte[]> raw = r.rawHeaders();
        Map<String, String> h = r.headers();
        String topic = h.get(ORIGINAL_TOPIC);
        int partition = raw.get(ORIGINAL_PARTITION) == null ? -1 : number(raw.get(ORIGINAL_PARTITION)).intValue();
        long offset = raw.get(ORIGINAL_OFFSET) == null ? -1 : number(raw.get(ORIGINAL_OFFSET));
        if (topic == null && h.get(LEGACY_ORIGIN) != null) {
            String origin = h.get(LEGACY_ORIGIN);
            int at = origin.lastIndexOf('@');
            int dash = origin.lastIndexOf('-', at);
            topic = origin.substring(0, dash);
            partition = Integer.parseInt(origin.substring(dash + 1, at));
            offset = Long.parseLong(origin.substring(at + 1));
        }
        String cause = h.getOrDefault(EXCEPTION_MESSAGE, h.get(LEGACY_CAUSE));
        String causeClass = h.getOrDefault(EXCEPTION_CAUSE_FQCN, h.get(EXCEPTION_FQCN));
        return new DeadLetter(r, topic, partition, offset, cause, causeClass);
    }

    String type() {
        return record.headers().get("ce_type");
    }

    String eventId() {
        return record.headers().get("ce_id");
    }

    String origin() {
        return originTopic == null ? "(unknown)" : originTopic + "-" + originPartition + "@" + originOffset;
    }

    // spring-kafka writes partition as 4 bytes and offset as 8; older writers may have used text
    private static Long number(byte[] b) {
        if (b.length == Integer.BYTES) {
            return (long) ByteBuffer.wrap(b).getInt();
        }
        if (b.length == Long.BYTES) {
            return ByteBuffer.wrap(b).getLong();
        }
        return Long.parseLong(new String(b, StandardCharsets.UTF_8).strip());
    }
}
