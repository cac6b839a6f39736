package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.BatchInbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kit's inbox table, written with one multi-row INSERT … ON CONFLICT DO NOTHING per chunk. */
@Repository
class JdbcBatchInbox implements BatchInbox {

    private static final int CHUNK = 2000;
    private final JdbcClient jdbc;

    JdbcBatchInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> firstSightings(List<Entry> entries) {
        Set<String> first = new HashSet<>();
        for (int from = 0; from < entries.size(); from += CHUNK) {
            List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO inbox(event_id, event_type, topic, record_key, headers, payload) VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * 6);
            for (int i = 0; i < chunk.size(); i++) {
                Entry e = chunk.get(i);
                sql.append(i == 0 ? "(?,?,?,?,?,?)" : ",(?,?,?,?,?,?)");
                params.addAll(java.util.Arrays.asList(e.eventId(), e.type(), e.topic(), e.key(), e.headersJson(),
                        e.payload()));
            }
            sql.append(" ON CONFLICT (event_id) DO NOTHING RETURNING event_id");
            first.addAll(jdbc.sql(sql.toString()).params(params).query(String.class).list());
        }
        return first;
    }
}
