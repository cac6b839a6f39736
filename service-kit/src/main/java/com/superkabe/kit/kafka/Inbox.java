package com.superkabe.kit.kafka;

import com.superkabe.events.Envelope;
import com.superkabe.kit.outbox.JsonHeaders;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records every input event in handling order. {@link #firstSighting} is the idempotency check:
 * it inserts the event id in the handling transaction, so an event is handled at most once even
 * when Kafka redelivers it.
 */
public class Inbox {

    /** A recorded input, as it arrived. */
    public record Entry(long seq, String eventId, String type, String topic, String key, Map<String, String> headers,
                        byte[] payload) {
    }

    private final JdbcClient jdbc;

    public Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean firstSighting(Envelope event, String topic, String key, Map<String, String> headers, byte[] payload) {
        return jdbc.sql("INSERT INTO inbox(event_id, event_type, topic, record_key, headers, payload) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
                .params(event.id(), event.type().wireName(), topic, key, JsonHeaders.write(headers), payload)
                .update() == 1;
    }

    /** The recorded inputs of the given topics, in the order they were handled. */
    public List<Entry> history(List<String> topics) {
        return jdbc.sql("SELECT seq, event_id, event_type, topic, record_key, headers, payload FROM inbox "
                        + "WHERE topic IN (:topics) ORDER BY seq")
                .param("topics", topics)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), JsonHeaders.read(rs.getString(6)), rs.getBytes(7)))
                .list();
    }
}
