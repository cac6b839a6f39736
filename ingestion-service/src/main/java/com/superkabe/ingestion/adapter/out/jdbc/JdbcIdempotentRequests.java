package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.IdempotentRequests;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIdempotentRequests implements IdempotentRequests {

    private final JdbcClient jdbc;

    JdbcIdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Stored> find(String orgId, String key) {
        return jdbc.sql("SELECT request_hash, status, body FROM idempotent_request WHERE org_id = ? AND idem_key = ?")
                .params(orgId, key).query((rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .optional();
    }

    @Override
    public void save(String orgId, String key, Stored answer) {
        jdbc.sql("INSERT INTO idempotent_request(org_id, idem_key, request_hash, status, body) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(orgId, key, answer.requestHash(), answer.status(), answer.body()).update();
    }
}
