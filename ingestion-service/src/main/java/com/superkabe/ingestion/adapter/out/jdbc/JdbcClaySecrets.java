package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.ClaySecrets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcClaySecrets implements ClaySecrets {

    private final JdbcClient jdbc;

    JdbcClaySecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> sealedSecret(String orgId) {
        return jdbc.sql("SELECT sealed FROM clay_secret WHERE org_id = ?").param(orgId).query(String.class).optional();
    }

    @Override
    public void saveSealed(String orgId, String sealed) {
        jdbc.sql("INSERT INTO clay_secret(org_id, sealed) VALUES (?, ?) ON CONFLICT (org_id) "
                + "DO UPDATE SET sealed = EXCLUDED.sealed, created_at = now()").params(orgId, sealed).update();
    }

    @Override
    public boolean firstUse(String signature, Instant seenAt, Instant before) {
        jdbc.sql("DELETE FROM clay_seen_signature WHERE seen_at < ?").param(Timestamp.from(before)).update();
        return jdbc.sql("INSERT INTO clay_seen_signature(signature, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(signature, Timestamp.from(seenAt)).update() == 1;
    }
}
