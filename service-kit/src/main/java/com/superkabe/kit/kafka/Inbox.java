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
    private final boolean keepInputs;

    /**
     * {@code keepInputs}: whether the full record (headers and payload) is kept, which replay from the
     * inbox needs; a service that is not replayed from its inbox may keep ids and types only.
     */
    public Inbox(JdbcClient jdbc, boolean keepInputs) {
        this.jdbc = jdbc;
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
     * The batch form of {@link #firstSighting}: one multi-row insert per group of arrivals, whose
     * {@code RETURNING} names the ids this transaction recorded. Returns, per arrival, whether it is
     * seen for the first time (a repeat inside the batch counts as seen). The insert, not a read
     * before it, decides: when two replicas briefly handle the same records during a rebalance, the
     * second one's insert waits on the first one's uncommitted rows and then inserts nothing, so only
     * one of them handles the events (a read would not see the other's uncommitted rows).
     */
    public boolean[] firstSightings(List<Arrival> arrivals) {
        boolean[] first = new boolean[arrivals.size()];
        java.util.Map<String, Integer> firstIndex = new java.util.LinkedHashMap<>();
        for (int i = 0; i < arrivals.size(); i++) {
            firstIndex.putIfAbsent(arrivals.get(i).event().id(), i);
        }
        List<Integer> candidates = List.copyOf(firstIndex.values());
        for (int from = 0; from < candidates.size(); from += INSERT_GROUP) {
            List<Integer> group = candidates.subList(from, Math.min(candidates.size(), from + INSERT_GROUP));
            java.util.Set<String> recorded = new java.util.HashSet<>(insertReturningIds(group, arrivals));
            for (int i : group) {
                first[i] = recorded.contains(arrivals.get(i).event().id());
            }
        }
        return first;
    }

    /** Rows per insert statement: six parameters each, well under PostgreSQL's 65,535 per statement. */
    private static final int INSERT_GROUP = 1000;

    private List<String> insertReturningIds(List<Integer> group, List<Arrival> arrivals) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO inbox(event_id, event_type, topic, record_key, headers, payload) VALUES ");
        List<Object> params = new java.util.ArrayList<>(group.size() * 6);
        for (int k = 0; k < group.size(); k++) {
            Arrival a = arrivals.get(group.get(k));
            sql.append(k == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
            params.add(a.event().id());
            params.add(a.event().type().wireName());
            params.add(a.topic());
            params.add(a.key());
            params.add(keepInputs ? JsonHeaders.write(a.headers()) : "{}");
            params.add(keepInputs ? a.payload() : NOT_KEPT);
        }
        sql.append(" ON CONFLICT (event_id) DO NOTHING RETURNING event_id");
        return jdbc.sql(sql.toString()).params(params).query(String.class).list();
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
