package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.events.Envelope;
import com.superkabe.kit.kafka.Inbox;
import com.superkabe.kit.outbox.JsonHeaders;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbox of one shard of a partitioned sequencer (ADR 0065): the event-id dedupe and the recorded
 * input order are per shard, so a tick, which every shard handles, is recorded once in each. The insert
 * decides the first sighting, as the service inbox's does: a new holder of the shard that reads a record
 * the old holder committed inserts nothing and skips it.
 */
@Repository
public class JdbcShardInbox implements com.superkabe.sequencer.application.ShardInbox {

    private final JdbcClient jdbc;

    JdbcShardInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstSighting(int shard, Envelope event, String topic, String key, Map<String, String> headers,
                                 byte[] payload) {
        return jdbc.sql("INSERT INTO shard_inbox(shard, event_id, event_type, topic, record_key, headers, payload) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shard, event_id) DO NOTHING")
                .params(shard, event.id(), event.type().wireName(), topic, key, JsonHeaders.write(headers), payload)
                .update() == 1;
    }

    /** The shard's recorded inputs, in the order it handled them. */
    public List<Inbox.Entry> history(int shard) {
        return jdbc.sql("SELECT seq, event_id, event_type, topic, record_key, headers, payload FROM shard_inbox "
                        + "WHERE shard = ? ORDER BY seq")
                .param(shard)
                .query((rs, i) -> new Inbox.Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), JsonHeaders.read(rs.getString(6)), rs.getBytes(7)))
                .list();
    }
}
