package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.IntakeProducerKeys;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIntakeProducerKeys implements IntakeProducerKeys {

    private final JdbcClient jdbc;

    JdbcIntakeProducerKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Key key) {
        jdbc.sql("INSERT INTO intake_producer_key(producer_id, org_id, sealed) VALUES (?, ?, ?)")
                .params(key.producerId(), key.orgId(), key.sealedSecret()).update();
    }

    @Override
    public Optional<Key> find(String producerId) {
        return jdbc.sql("SELECT producer_id, org_id, sealed FROM intake_producer_key WHERE producer_id = ?")
                .param(producerId)
                .query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }
}
