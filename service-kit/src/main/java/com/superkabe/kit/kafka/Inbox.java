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

    private static final byte[] NOT_KEPT = new byte[0];

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final boolean keepInputs;

    /**
     * {@code keepInputs}: whether the full record (headers and payload) is kept, which replay from the
     * inbox needs; a service that is not replayed from its inbox may keep ids and types only.
     */
    public Inbox(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, boolean keepInputs) {
        this.jdbc = jdbc;
        this.template = template;
        this.keepInputs = keepInputs;
    }

    public boolean firstSighting(Envelope event, String topic, String key, Map<String, String> headers, byte[] payload) {
        return jdbc.sql("INSERT INTO inbox(event_id, event_type, topic, record_key, headers, payload) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
                .params(event.id(), event.type().wireName(), topic, key, keepInputs ? JsonHeaders.write(headers) : "{}",
                        keepInputs ? payload : NOT_KEPT)
                .update() == 1;
    }

    /** One input to record: the event and the record it arrived in. */
    public record Arrival(Envelope event, String topic, String key, Map<String, String> headers, byte[] payload) {
    }

    /**
     * The batch form of {@link #firstSighting}: one query finds the ids already handled, one JDBC
     * batch records the rest. Returns, per arrival, whether it is seen for the first time (a repeat
     * inside the batch counts as seen).
     */
    public boolean[] firstSightings(List<Arrival> arrivals) {
        String[] ids = arrivals.stream().map(a -> a.event().id()).toArray(String[]::new);
        java.util.Set<String> seen = new java.util.HashSet<>(jdbc.sql("SELECT event_id FROM inbox WHERE event_id = ANY(?)")
                .param(ids).query(String.class).list());
        boolean[] first = new boolean[arrivals.size()];
        List<Arrival> fresh = new java.util.ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            first[i] = seen.add(ids[i]);
            if (first[i]) {
                fresh.add(arrivals.get(i));
            }
        }
        template.batchUpdate("INSERT INTO inbox(event_id, event_type, topic, record_key, headers, payload) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING", fresh, 500, (ps, a) -> {
                    ps.setString(1, a.event().id());
                    ps.setString(2, a.event().type().wireName());
                    ps.setString(3, a.topic());
                    ps.setString(4, a.key());
                    ps.setString(5, keepInputs ? JsonHeaders.write(a.headers()) : "{}");
                    ps.setBytes(6, keepInputs ? a.payload() : NOT_KEPT);
                });
        return first;
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
