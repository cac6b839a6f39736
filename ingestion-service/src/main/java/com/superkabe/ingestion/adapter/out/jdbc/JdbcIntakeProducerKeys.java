package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.IntakeProducerKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIntakeProducerKeys implements IntakeProducerKeys {

    private static final String COLUMNS = "producer_id, org_id, sealed, created_at, revoked_at";

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
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_producer_key WHERE producer_id = ?").param(producerId)
                .query(JdbcIntakeProducerKeys::map).optional();
    }

    @Override
    public List<Key> ofOrganization(String orgId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_producer_key WHERE org_id = ? ORDER BY created_at, producer_id")
                .param(orgId).query(JdbcIntakeProducerKeys::map).list();
    }

    @Override
    public boolean revoke(String orgId, String producerId, Instant at) {
        return jdbc.sql("UPDATE intake_producer_key SET revoked_at = COALESCE(revoked_at, ?) "
                        + "WHERE org_id = ? AND producer_id = ?")
                .params(Timestamp.from(at), orgId, producerId).update() == 1;
    }

    private static Key map(ResultSet rs, int n) throws SQLException {
        Timestamp created = rs.getTimestamp(4);
        Timestamp revoked = rs.getTimestamp(5);
        return new Key(rs.getString(1), rs.getString(2), rs.getString(3), created == null ? null : created.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
