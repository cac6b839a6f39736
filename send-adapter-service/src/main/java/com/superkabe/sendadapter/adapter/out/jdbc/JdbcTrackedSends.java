package com.superkabe.sendadapter.adapter.out.jdbc;

import com.superkabe.sendadapter.application.TrackedSend;
import com.superkabe.sendadapter.application.TrackedSends;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTrackedSends implements TrackedSends {

    private final JdbcClient jdbc;

    JdbcTrackedSends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TrackedSend> find(String sendId) {
        return jdbc.sql("SELECT org_id, send_id, run_id, campaign_id, lead_id, mailbox_id, step, recipient, message_id "
                        + "FROM send_attempt WHERE send_id = ? AND org_id IS NOT NULL AND recipient IS NOT NULL")
                .param(sendId)
                .query((rs, row) -> new TrackedSend(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                        rs.getString(9)))
                .optional();
    }

    @Override
    public boolean recordFirst(String key, String sendId, String kind) {
        return jdbc.sql("INSERT INTO tracking_event(event_key, send_id, kind) VALUES (?, ?, ?) "
                        + "ON CONFLICT (event_key) DO NOTHING")
                .params(key, sendId, kind).update() == 1;
    }
}
